package org.civicbackbone.core.internal;

import org.apache.karaf.jaas.modules.jdbc.JDBCLoginModule;

/**
 * Karaf's JDBC login module under a class name of the platform's own. The realm in the database
 * ({@link DatabaseRealm}) names this class, and Karaf's {@code jaas:} shell commands pick the backing engine by that
 * name: so they reach {@link org.civicbackbone.core.internal.shell.ShellLoginAdministration}, which changes logins by
 * the platform's rules (audited, sessions ended, every node told), and not Karaf's JDBC engine, which wrote the
 * tables directly and left the changed login's sessions open.
 */
public class PlatformLoginModule extends JDBCLoginModule {
}
