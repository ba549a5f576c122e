package org.civicbackbone.core.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.core.internal.governance.RealmLogins;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo members' logins (password {@code demo}), created in the platform's realm once, on the first start of a
 * platform with the demo enabled: a platform without the demo has no demo logins. They are created as soon as the
 * realm and its properties engine are there (they may come after this component), and a flag in the database keeps
 * them from coming back once an operator has deleted them.
 */
@Component(configurationPid = "org.civicbackbone.demo", configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
public class DemoLogins {

    /** The logins of the demo initiative's seats (DemoInitiative). */
    static final List<String> LOGINS = List.of("gokafor", "treyes", "malvarez", "jwhitfield", "abello", "scarter", "pnair");
    private static final String FLAG = "demo.logins";
    private static final String PASSWORD = "demo";
    private static final String ROLE = "viewer";
    private static final Logger LOG = LoggerFactory.getLogger(DemoLogins.class);

    private final BackboneStore store;
    private final boolean enabled;
    private final List<JaasRealm> realms = new CopyOnWriteArrayList<>();
    private final List<BackingEngineFactory> factories = new CopyOnWriteArrayList<>();

    private final RealmLogins realm;

    @Activate
    public DemoLogins(DemoInitiative.Config config, @Reference BackboneStore store, @Reference RealmLogins realm) {
        this.store = store;
        this.realm = realm;
        this.enabled = config.enabled();
        store.migrate(CoreSchema.MODULE, CoreSchema.MIGRATIONS); // the flag's table, whichever component starts first
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRealm(JaasRealm realm) {
        realms.add(realm);
        create();
    }

    void removeRealm(JaasRealm realm) {
        realms.remove(realm);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFactory(BackingEngineFactory factory) {
        factories.add(factory);
        create();
    }

    void removeFactory(BackingEngineFactory factory) {
        factories.remove(factory);
    }

    /** Creates the logins once, if the demo is enabled and the realm's properties engine can be had. */
    private synchronized void create() {
        if (!enabled || store == null) {
            return;
        }
        BackingEngine engine = propertiesEngine();
        if (engine == null) {
            return;
        }
        try {
            createOnce(engine);
        } catch (RuntimeException e) {
            LOG.warn("Could not create the demo member logins yet; trying again when the realm changes", e);
        }
    }

    private void createOnce(BackingEngine engine) {
        store.inTransaction(c -> {
            FlagRecords flags = store.mapper(c, FlagRecords.class);
            if (flags.isSet(FLAG)) {
                return null;
            }
            List<String> existing = engine.listUsers().stream().map(UserPrincipal::getName).toList();
            List<String> missing = LOGINS.stream().filter(login -> !existing.contains(login)).toList();
            if (!missing.isEmpty()) {
                realm.writing(() -> {
                    RealmWrites.ensure(this::propertiesEngine, missing, PASSWORD, List.of(ROLE));
                    return null;
                });
            }
            flags.set(FLAG);
            LOG.info("Created the demo member logins {} (password '{}')", LOGINS, PASSWORD);
            return null;
        });
    }

    private BackingEngine propertiesEngine() {
        return RealmEngines.propertiesEngine(realms, factories);
    }
}
