package org.civicbackbone.measurement.internal.shell;

import org.apache.karaf.shell.api.console.Session;

/** Who is at the shell, for the audit log. */
final class ShellUser {

    private ShellUser() {
    }

    static String of(Session session) {
        Object user = session == null ? null : session.get("USER");
        return user == null ? "shell" : user.toString();
    }
}
