package org.civicbackbone.core.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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
        try (PreparedStatement p = transaction.prepareStatement("INSERT INTO core_audit_log "
                + "(at, actor, initiative_id, module, action, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setTimestamp(1, Timestamp.from(Instant.now()));
            p.setString(2, actor);
            p.setString(3, initiativeId);
            p.setString(4, module);
            p.setString(5, action);
            p.setString(6, detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000));
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the audit log: " + e.getMessage(), e);
        }
    }

    @Override
    public List<AuditEntry> recent(String initiativeId, int limit) {
        return find(new AuditQuery(initiativeId, null, null, null, null, null, null, limit));
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        filter(where, values, "initiative_id = ?", query.initiativeId());
        filter(where, values, "actor = ?", query.actor());
        filter(where, values, "action = ?", query.action());
        filter(where, values, "module = ?", query.module());
        filter(where, values, "at >= ?", query.from() == null ? null : Timestamp.from(query.from()));
        filter(where, values, "at < ?", query.to() == null ? null : Timestamp.from(query.to()));
        filter(where, values, "id < ?", query.before());
        String sql = "SELECT id, at, actor, initiative_id, module, action, detail FROM core_audit_log "
                + (where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where) + " ") + "ORDER BY id DESC LIMIT ?";
        return store.read(c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                int i = 1;
                for (Object value : values) {
                    p.setObject(i++, value);
                }
                p.setInt(i, Math.max(1, query.limit()));
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        entries.add(new AuditEntry(r.getLong("id"), r.getTimestamp("at").toInstant(), r.getString("actor"),
                                r.getString("initiative_id"), r.getString("module"), r.getString("action"),
                                r.getString("detail")));
                    }
                }
                return entries;
            }
        });
    }

    private static void filter(List<String> where, List<Object> values, String condition, Object value) {
        if (value != null) {
            where.add(condition);
            values.add(value);
        }
    }
}
