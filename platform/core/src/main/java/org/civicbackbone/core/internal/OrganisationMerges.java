package org.civicbackbone.core.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationName;
import org.civicbackbone.api.initiative.OrganisationReferences;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.core.internal.OrganisationMergeRecords.Merge;
import org.osgi.service.component.ComponentServiceObjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges of two organisation records that turn out to be one (ADR 0025): the seats and every module's rows follow
 * the organisation kept, in the merge's transaction. A module that appears later (installed after the merge, or on
 * another node's start) is given every merge of the past, in order, on a thread of its own. Modules are bound as
 * service objects and fetched only when a merge needs them, never while binding: fetching one creates its module's
 * services, which need the organisation registry that may be being created at that moment (on the same thread SCR
 * refuses the cycle; on two threads each waits for the other for good, ADR 0025). Merges and catch-ups hold one lock
 * for the whole database, so a module appearing during a merge is either repointed by it or given it right after.
 */
final class OrganisationMerges {

    private static final Logger LOG = LoggerFactory.getLogger(OrganisationMerges.class);

    /** The lock merges and catch-ups hold ({@link BackboneStore#exclusively}). */
    static final String LOCK = "organisation-merges";

    private final BackboneStore store;
    private final AuditLog audit;
    private final List<ComponentServiceObjects<OrganisationReferences>> modules = new CopyOnWriteArrayList<>();
    private final ExecutorService catchUps = Executors.newSingleThreadExecutor(
            r -> new Thread(r, "backbone-organisation-merges"));

    OrganisationMerges(BackboneStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /** A module that points to organisations appeared: it is given every merge done so far, soon after. */
    void added(ComponentServiceObjects<OrganisationReferences> module) {
        modules.add(module);
        catchUps.execute(() -> {
            try {
                store.exclusively(LOCK, () -> store.inTransaction(c -> {
                    List<Merge> past = store.mapper(c, OrganisationMergeRecords.class).merges();
                    // nothing to fetch the module for without merges
                    if (!past.isEmpty() && modules.contains(module) && !using(module, references -> past.forEach(
                            merge -> references.repoint(c, merge.initiativeId(), merge.fromId(), merge.intoId())))) {
                        LOG.warn("{} keeps organisation ids but is not working: it is given the merges of the past "
                                + "when it appears again", name(module));
                    }
                    return null;
                }));
            } catch (RuntimeException e) {
                // the module's rows keep the old ids until it appears again (its next start); a merge still reaches it
                LOG.error("Could not give a module the organisation merges of the past: {}", e.getMessage(), e);
            }
        });
    }

    void removed(ComponentServiceObjects<OrganisationReferences> module) {
        modules.remove(module);
    }

    /**
     * Runs the work with the module's object, fetched for it and given back after; false when it cannot be had (the
     * module's component failed to start, or it is going away).
     */
    private static boolean using(ComponentServiceObjects<OrganisationReferences> module,
                                 Consumer<OrganisationReferences> work) {
        OrganisationReferences references = module.getService();
        if (references == null) {
            return false;
        }
        try {
            work.accept(references);
        } finally {
            module.ungetService(references);
        }
        return true;
    }

    private static String name(ComponentServiceObjects<OrganisationReferences> module) {
        var reference = module.getServiceReference();
        var bundle = reference == null ? null : reference.getBundle(); // null once the service is gone
        return bundle == null ? "a module" : bundle.getSymbolicName();
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
        // first: a proposal being opened reads its voters under this lock, so it reads them after the merge, or it has
        // committed when the merge marks the seats it puts in conflict (below). Nothing takes it after an organisation.
        store.holdUntilCommit(c, CoreSchema.proposalsLock(kept.initiativeId()));
        // waits for the writes that hold the duplicate (OrganisationRegistry.hold) to commit, so it repoints what they
        // wrote. The one kept is held shared, as those writes hold it: a write may hold both, in either order, and still
        // end (whole, a merge waiting for the duplicate would make such a write wait for it in turn, for ever on H2).
        // Merges take turns under LOCK, so nothing else takes either whole meanwhile.
        store.holdSharedUntilCommit(c, CoreSchema.organisationLock(into));
        store.holdUntilCommit(c, CoreSchema.organisationLock(from));
        records.repointSeats(from, into);
        for (ComponentServiceObjects<OrganisationReferences> module : modules) {
            if (!using(module, references -> references.repoint(c, kept.initiativeId(), from, into))) {
                // its rows would keep the duplicate's id: nothing of the merge is kept
                throw new ProblemException(Problem.conflict("The merge was refused and nothing changed: "
                        + name(module) + " keeps organisation ids but is not working now. Merge again once it works "
                        + "or is uninstalled."));
            }
        }
        records.moveNames(from, into);
        records.addSectors(from, into);
        store.mapper(c, OrganisationRecords.class).deleteSectors(from);
        records.delete(from);
        records.record(kept.initiativeId(), from, duplicate.name(), into, actor, Instant.now());
        int inConflict = putInConflict(c, store.mapper(c, OrganisationRecords.class).organisation(kept.initiativeId(), into));
        audit.record(c, actor, kept.initiativeId(), CoreSchema.MODULE, "organisation.merge",
                "'" + duplicate.name() + "' (" + from + ") merged into '" + kept.name() + "' (" + into + ")"
                        + (inConflict == 0 ? "" : "; " + inConflict + " seat(s) on open proposals for it now stand aside "
                        + "(conflict of interest)"));
    }

    /**
     * Marks in conflict the seats of open proposals that the merge made seats for their own beneficiary: a seat held
     * for one of the two organisations on a proposal that benefits the other (each named by any of the names the
     * organisation kept now has). Such a seat was chosen as free to vote when the two were still two organisations;
     * its votes no longer count, as they would not for a proposal opened after the merge.
     */
    private int putInConflict(Connection c, Organisation merged) {
        List<String> names = new java.util.ArrayList<>(merged.aliases());
        names.add(merged.name());
        OrganisationMergeRecords records = store.mapper(c, OrganisationMergeRecords.class);
        int marked = 0;
        for (OrganisationMergeRecords.ClearSeat seat : records.clearSeatsOnOpenProposals(merged.initiativeId())) {
            if (names(names, seat.beneficiary()) && names(names, seat.organisation())) {
                marked += records.putInConflict(seat.proposalId(), seat.stepIndex(), seat.voter());
            }
        }
        return marked;
    }

    private static boolean names(List<String> names, String name) {
        return names.stream().anyMatch(n -> OrganisationName.same(n, name));
    }
}
