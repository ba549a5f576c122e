package org.civicbackbone.core.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.civicbackbone.api.audit.AuditEntry;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.audit.AuditQuery;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The audit log in the core's table; entries are only ever inserted. */
@Component(service = AuditLog.class)
public class JdbcAuditLog implements AuditLog {

    private final BackboneStore store;

    @Activate
    public JdbcAuditLog(@Reference BackboneStore store) {
        this.store = store;
        store.migrate(CoreSchema.MODULE, CoreSchema.MIGRATIONS);
    }

    @Override
    public void record(Connection transaction, String actor, String initiativeId, String module, String action,
                       String detail) {
        store.mapper(transaction, AuditRecords.class).insert(Instant.now(), actor, initiativeId, module, action,
                detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000));
    }

    @Override
    public List<AuditEntry> recent(String initiativeId, int limit) {
        return find(new AuditQuery(initiativeId, null, null, null, null, null, null, limit));
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        return store.read(c -> store.mapper(c, AuditRecords.class).find(query));
    }
}
