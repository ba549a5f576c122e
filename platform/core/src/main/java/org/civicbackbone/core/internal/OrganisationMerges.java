package org.civicbackbone.core.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationReferences;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.core.internal.OrganisationMergeRecords.Merge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges of two organisation records that turn out to be one (ADR 0025): the seats and every module's rows follow
 * the organisation kept, in the merge's transaction. A module that appears later (installed after the merge, or on
 * another node's start) is given every merge of the past, in order, on a thread of its own: never on the thread that
 * registers the module's service, which may hold the service runtime's locks while the database lock is taken.
 * Merges and those catch-ups hold one lock for the whole database, so a module appearing during a merge is either
 * repointed by it or given it right after.
 */
final class OrganisationMerges {

    private static final Logger LOG = LoggerFactory.getLogger(OrganisationMerges.class);

    /** The lock merges and catch-ups hold ({@link BackboneStore#exclusively}). */
    static final String LOCK = "organisation-merges";

    private final BackboneStore store;
    private final AuditLog audit;
    private final List<OrganisationReferences> modules = new CopyOnWriteArrayList<>();
    private final ExecutorService catchUps = Executors.newSingleThreadExecutor(
            r -> new Thread(r, "backbone-organisation-merges"));

    OrganisationMerges(BackboneStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /** A module that points to organisations appeared: it is given every merge done so far, soon after. */
    void added(OrganisationReferences module) {
        modules.add(module);
        catchUps.execute(() -> {
            try {
                store.exclusively(LOCK, () -> store.inTransaction(c -> {
                    for (Merge merge : store.mapper(c, OrganisationMergeRecords.class).merges()) {
                        module.repoint(c, merge.initiativeId(), merge.fromId(), merge.intoId());
                    }
                    return null;
                }));
            } catch (RuntimeException e) {
                // the module's rows keep the old ids until it appears again (its next start); a merge still reaches it
                LOG.error("Could not give a module the organisation merges of the past: {}", e.getMessage(), e);
            }
        });
    }

    void removed(OrganisationReferences module) {
        modules.remove(module);
    }

    /** No catch-up starts after this; one running is let finish (it is one short transaction). */
    void close() {
        catchUps.shutdown();
    }

    /** Merges {@code duplicate} into {@code kept} inside the caller's transaction, which holds {@link #LOCK}. */
    void merge(Connection c, Organisation duplicate, Organisation kept, String actor) {
        OrganisationMergeRecords records = store.mapper(c, OrganisationMergeRecords.class);
        long from = duplicate.id();
        long into = kept.id();
        records.repointSeats(from, into);
        for (OrganisationReferences module : modules) {
            module.repoint(c, kept.initiativeId(), from, into);
        }
        records.moveNames(from, into);
        records.addSectors(from, into);
        store.mapper(c, OrganisationRecords.class).deleteSectors(from);
        records.delete(from);
        records.record(kept.initiativeId(), from, duplicate.name(), into, actor, Instant.now());
        audit.record(c, actor, kept.initiativeId(), CoreSchema.MODULE, "organisation.merge",
                "'" + duplicate.name() + "' (" + from + ") merged into '" + kept.name() + "' (" + into + ")");
    }
}
