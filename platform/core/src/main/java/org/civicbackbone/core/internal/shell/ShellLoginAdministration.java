package org.civicbackbone.core.internal.shell;

import java.util.Map;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.core.internal.PlatformLoginModule;
import org.civicbackbone.core.internal.governance.RealmLogins;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What Karaf's {@code jaas:} shell commands change the platform's realm through: they look a backing engine up by
 * the realm's login module class ({@link PlatformLoginModule}) and get {@link ShellLogins}, so that a login created,
 * removed or given a new password or roles in the shell is audited and ends its console sessions, as it is through
 * the console or the REST API.
 */
@Component(service = BackingEngineFactory.class)
public class ShellLoginAdministration implements BackingEngineFactory {

    private final BackboneStore store;
    private final AuditLog audit;
    private final RealmLogins realm;

    @Activate
    public ShellLoginAdministration(@Reference BackboneStore store, @Reference AuditLog audit,
                                    @Reference RealmLogins realm) {
        this.store = store;
        this.audit = audit;
        this.realm = realm;
    }

    @Override
    public String getModuleClass() {
        return PlatformLoginModule.class.getName();
    }

    /** The engine works on the platform's own store; the realm entry's options (its queries) are not needed. */
    @Override
    public BackingEngine build(Map<String, ?> options) {
        return new ShellLogins(store, audit, realm, ShellLogins::shellUser);
    }
}
