package org.civicbackbone.core.internal;

import java.util.List;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.core.internal.governance.RealmLogins;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo members' logins (password {@code demo}), created in the realm's database once, on the first start of a
 * platform with the demo enabled: a platform without the demo has no demo logins. The logins and the flag that keeps
 * them from coming back once an operator has removed them are written in one transaction, under a lock, so several
 * nodes starting together create them once.
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

    @Activate
    public DemoLogins(DemoInitiative.Config config, @Reference BackboneStore store, @Reference RealmLogins realm) {
        if (config.enabled()) {
            store.exclusively("demo:logins", () -> store.inTransaction(c -> {
                store.holdUntilCommit(c, CoreSchema.LOGIN_NAMES_LOCK);
                FlagRecords flags = store.mapper(c, FlagRecords.class);
                if (flags.isSet(FLAG)) {
                    return null;
                }
                for (String login : LOGINS) {
                    if (realm.login(c, login) == null) {
                        realm.create(c, login, PASSWORD, List.of(ROLE));
                    }
                }
                flags.set(FLAG);
                LOG.info("Created the demo member logins {} (password '{}')", LOGINS, PASSWORD);
                return null;
            }));
        }
    }
}
