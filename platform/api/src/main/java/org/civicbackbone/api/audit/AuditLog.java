package org.civicbackbone.api.audit;

import java.sql.Connection;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The append-only log of every write. Entries are never changed or deleted. */
@ProviderType
public interface AuditLog {

    /**
     * Records a write inside the caller's transaction, so the entry exists if and only if the write is committed.
     */
    void record(Connection transaction, String actor, String initiativeId, String module, String action,
                String detail);

    /** The newest entries first, for one initiative (or all when null). */
    List<AuditEntry> recent(String initiativeId, int limit);

    /**
     * The entries the query selects, newest first; page on with {@code before} set to the last id returned.
     *
     * @since 1.1
     */
    List<AuditEntry> find(AuditQuery query);
}
