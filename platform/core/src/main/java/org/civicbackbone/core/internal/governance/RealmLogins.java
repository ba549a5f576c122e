package org.civicbackbone.core.internal.governance;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.civicbackbone.core.internal.RealmEngines;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The logins of the platform's JAAS realm ({@code karaf}), read through the backing engines Karaf registers for its
 * login modules (the properties file by default), so that a seat whose login does not exist (a typo) is shown as a
 * set-up problem instead of counting as a voter who never votes.
 */
@Component(service = RealmLogins.class)
public class RealmLogins {

    private final List<JaasRealm> realms = new CopyOnWriteArrayList<>();
    private final List<BackingEngineFactory> factories = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRealm(JaasRealm realm) {
        realms.add(realm);
    }

    void removeRealm(JaasRealm realm) {
        realms.remove(realm);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFactory(BackingEngineFactory factory) {
        factories.add(factory);
    }

    void removeFactory(BackingEngineFactory factory) {
        factories.remove(factory);
    }

    /** Whether the login exists in the realm; empty when the realm's logins cannot be listed (LDAP, say). */
    public Optional<Boolean> exists(String login) {
        List<BackingEngine> engines = RealmEngines.of(realms, factories);
        if (engines.isEmpty()) {
            return Optional.empty();
        }
        for (BackingEngine engine : engines) {
            for (UserPrincipal user : engine.listUsers()) {
                if (user.getName().equals(login)) {
                    return Optional.of(true);
                }
            }
        }
        return Optional.of(false);
    }
}
