package org.civicbackbone.testkit;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.civicbackbone.api.audit.AuditEntry;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.audit.AuditQuery;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.core.internal.JdbcAuditLog;

/**
 * The platform's own audit log on the test's store, with what tests ask of it: an entry is written in the caller's
 * transaction, so it exists if and only if the write it records was committed; {@link #actions()} lists what was
 * recorded, oldest first.
 */
public final class RecordingAuditLog implements AuditLog {

    private final AuditLog log;

    public RecordingAuditLog(BackboneStore store) {
        this.log = new JdbcAuditLog(store);
    }

    @Override
    public void record(Connection transaction, String actor, String initiativeId, String module, String action,
                       String detail) {
        log.record(transaction, actor, initiativeId, module, action, detail);
    }

    /** "actor action" of every committed entry, oldest first: what a test usually asserts on. */
    public List<String> actions() {
        List<AuditEntry> entries = new ArrayList<>(find(new AuditQuery(null, null, null, null, null, null, null,
                Integer.MAX_VALUE)));
        Collections.reverse(entries);
        return entries.stream().map(e -> e.actor() + " " + e.action()).toList();
    }

    @Override
    public List<AuditEntry> recent(String initiativeId, int limit) {
        return log.recent(initiativeId, limit);
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        return log.find(query);
    }
}
