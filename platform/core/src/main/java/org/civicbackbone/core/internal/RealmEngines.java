package org.civicbackbone.core.internal;

import java.util.ArrayList;
import java.util.List;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;

/**
 * The backing engines of the platform's JAAS realm ({@code karaf}): one per login module that Karaf has a factory
 * for (the properties file by default), to list and add logins. Karaf wraps each module in its ProxyLoginModule and
 * names the real one in an option.
 */
public final class RealmEngines {

    /** The realm REST and shell logins are checked against. */
    public static final String REALM = "karaf";

    private RealmEngines() {
    }

    /** The realm's engines, in the order of its login modules; empty while the realm or its factories are absent. */
    public static List<BackingEngine> of(List<JaasRealm> realms, List<BackingEngineFactory> factories) {
        return of(realms, factories, module -> true);
    }

    /** The engine of the realm's properties file ({@code etc/users.properties}), or null. */
    public static BackingEngine propertiesEngine(List<JaasRealm> realms, List<BackingEngineFactory> factories) {
        return of(realms, factories, module -> module.endsWith(".PropertiesLoginModule")).stream().findFirst()
                .orElse(null);
    }

    private static List<BackingEngine> of(List<JaasRealm> realms, List<BackingEngineFactory> factories,
                                          java.util.function.Predicate<String> modules) {
        List<BackingEngine> engines = new ArrayList<>();
        for (JaasRealm realm : realms) {
            if (!REALM.equals(realm.getName())) {
                continue;
            }
            for (AppConfigurationEntry entry : realm.getEntries()) {
                Object proxied = entry.getOptions().get(ProxyLoginModule.PROPERTY_MODULE);
                String module = proxied != null ? proxied.toString() : entry.getLoginModuleName();
                if (!modules.test(module)) {
                    continue;
                }
                for (BackingEngineFactory factory : factories) {
                    if (factory.getModuleClass().equals(module)) {
                        BackingEngine engine = factory.build(entry.getOptions());
                        if (engine != null) {
                            engines.add(engine);
                        }
                    }
                }
            }
        }
        return engines;
    }
}
