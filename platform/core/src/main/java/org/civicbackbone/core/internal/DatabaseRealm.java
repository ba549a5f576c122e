package org.civicbackbone.core.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.encryption.EncryptionSupport;
import org.apache.karaf.jaas.modules.jdbc.JDBCLoginModule;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The platform's JAAS realm {@code karaf} with its logins in the database (ADR 0020), so that every node checks the
 * same passwords: Karaf's own JDBC login module reads {@code core_login} over the platform's DataSource. Registered
 * with a rank above Karaf's properties realm, which it replaces for the REST API, the console and the SSH shell
 * alike; while the core is stopped Karaf's realm answers again. Karaf's {@code jaas:} shell commands change its logins
 * through {@link org.civicbackbone.core.internal.shell.ShellLoginAdministration}. Passwords are hashed as Karaf's realm is configured
 * to hash them ({@code etc/org.apache.karaf.jaas.cfg}: {@code encryption.*}), and the logins of
 * {@code etc/users.properties} that the database does not have yet are copied in at start ({@link UsersFile}).
 */
@Component(service = {JaasRealm.class, DatabaseRealm.class})
public class DatabaseRealm implements JaasRealm {

    /** The realm's name: the one Karaf's consoles and the REST API check. */
    public static final String NAME = "karaf";
    /** Above Karaf's own realm of the same name (rank 0). */
    static final int RANK = 10;
    private static final String KARAF_REALM_PID = "org.apache.karaf.jaas";
    private static final String DATASOURCE = "osgi:javax.sql.DataSource/(dataSourceName=backbone)";

    private final AppConfigurationEntry[] entries;
    private final EncryptionSupport encryption;

    @Activate
    public DatabaseRealm(BundleContext context, @Reference ConfigurationAdmin configurations,
                         @Reference BackboneStore store) {
        Map<String, Object> options = new HashMap<>(encryptionOf(configurations));
        options.put(BundleContext.class.getName(), context);
        // a class of this bundle, so that Karaf's jaas: shell commands find the platform's own backing engine
        options.put(ProxyLoginModule.PROPERTY_MODULE, PlatformLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE,
                Long.toString(FrameworkUtil.getBundle(PlatformLoginModule.class).getBundleId()));
        options.put("datasource", DATASOURCE);
        options.put(JDBCLoginModule.PASSWORD_QUERY, "SELECT password FROM core_login WHERE name = ?");
        options.put(JDBCLoginModule.ROLE_QUERY, "SELECT role FROM core_login_role WHERE login = ?");
        this.encryption = new EncryptionSupport(options);
        this.entries = new AppConfigurationEntry[] {new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.copyOf(options))};
        store.migrate(CoreSchema.MODULE, CoreSchema.MIGRATIONS);
        UsersFile.atKarafEtc().ifPresent(file -> file.copyMissing(store, this::stored));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        return RANK;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries.clone();
    }

    /** A password as the realm stores it: hashed when Karaf's realm is configured to hash (the default here). */
    public String stored(String password) {
        return encryption.encrypt(password);
    }

    /** The {@code encryption.*} settings of Karaf's own realm, read without binding its configuration. */
    private static Map<String, Object> encryptionOf(ConfigurationAdmin configurations) {
        Map<String, Object> settings = new HashMap<>();
        try {
            Configuration[] found = configurations.listConfigurations("(service.pid=" + KARAF_REALM_PID + ")");
            if (found == null || found.length == 0) {
                return settings;
            }
            Dictionary<String, Object> properties = found[0].getProperties();
            for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements(); ) {
                String key = keys.nextElement();
                if (key.startsWith("encryption.")) {
                    settings.put(key, String.valueOf(properties.get(key)));
                }
            }
            return settings;
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("Karaf's realm configuration could not be read", e);
        }
    }
}
