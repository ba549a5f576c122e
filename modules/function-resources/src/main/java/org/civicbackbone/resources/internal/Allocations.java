package org.civicbackbone.resources.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.civicbackbone.api.activities.ActivityCatalogue;
import org.civicbackbone.api.activities.ActivityRef;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationName;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.resources.internal.Funding.Allocation;
import org.civicbackbone.resources.internal.Funding.AllocationSpec;
import org.civicbackbone.resources.internal.Funding.Grant;
import org.civicbackbone.resources.internal.Funding.GrantStatus;
import org.civicbackbone.resources.internal.Funding.RecipientKind;
import org.civicbackbone.resources.internal.Funding.Totals;

/**
 * The rules of allocating money: to a partner (a registered organisation) or to an activity (whose owner benefits),
 * never past what was received, checked in the transaction that opens the proposal, with the grants locked (and the
 * activity held, so its owner is the beneficiary the proposal's voters were chosen for).
 */
record Allocations(BackboneStore store, AuditLog audit, DecisionService decisions, OrganisationRegistry organisations,
                   Supplier<ActivityCatalogue> activities) {

    /**
     * Proposes an allocation to a beneficiary organisation (the partner, or the organisation that owns the activity),
     * whose members then cannot approve it. Refused when it would take the approved and pending allocations past what
     * was received (in total, and from the named grant). The check runs in the transaction that opens the proposal and
     * records the allocation, with the initiative's grants locked, so parallel proposals take turns.
     */
    long propose(String initiativeId, AllocationSpec spec, String actor, Map<Long, Proposal> proposals) {
        Organisation partner = spec.recipientKind() == RecipientKind.PARTNER ? registered(initiativeId, spec) : null;
        String beneficiary = partner != null ? partner.name() : activityOwner(initiativeId, spec);
        String recipient = partner != null ? partner.name() : spec.recipient().strip();
        Long beneficiaryId = partner != null ? Long.valueOf(partner.id())
                : organisations.resolve(initiativeId, beneficiary).map(Organisation::id).orElse(null);
        return decisions.propose(initiativeId, new ProposalSpec(DecisionType.ALLOCATE_FUNDS,
                "Allocate " + Amounts.written(spec.amount()) + " to " + recipient, spec.purpose(), beneficiary,
                spec.expiresInDays()), ResourcesSchema.MODULE, actor, (c, proposal) -> {
                    if (partner == null) { // first: a change of the activity's owner waits for this commit
                        requireStillRunBy(c, initiativeId, spec, beneficiary);
                    }
                    // the beneficiary's id is written as it is now, and its merge waits for this commit
                    Long heldId = beneficiaryId == null ? null : organisations.hold(c, initiativeId, beneficiaryId).id();
                    FundingRecords records = store.mapper(c, FundingRecords.class);
                    records.lockAll(initiativeId);
                    ProblemException.refuseIfAny(overCommitted(initiativeId, spec, records.grants(initiativeId, proposals),
                            records.allocations(initiativeId, proposals)));
                    records.insertAllocation(initiativeId, spec.grantId(), spec.recipientKind(), recipient, beneficiary,
                            heldId, spec.amount(), spec.purpose().strip(), proposal.id(), actor, Instant.now());
                    audit.record(c, actor, initiativeId, ResourcesSchema.MODULE, "allocation.propose",
                            spec.amount().toPlainString() + " to " + recipient + " in proposal " + proposal.id());
                    return proposal;
                }).id();
    }

    /**
     * Refuses (409) an allocation to an activity no longer run by the organisation read before the proposal opened: its
     * voters were chosen with that organisation as the beneficiary, whose members may not approve it.
     */
    private void requireStillRunBy(Connection c, String initiativeId, AllocationSpec spec, String owner) {
        ActivityCatalogue catalogue = activities.get();
        String now = catalogue == null ? null : catalogue.held(c, initiativeId, spec.recipient())
                .map(ActivityRef::ownerOrganisation).orElse(null);
        if (now == null || !OrganisationName.same(now, owner)) {
            throw new ProblemException(Problem.conflict("The activity '" + spec.recipient().strip() + "' was "
                    + (now == null ? "removed, or its module uninstalled," : "handed from '" + owner + "' to '" + now
                    + "'") + " while the allocation was proposed; nothing was proposed: propose it again."));
        }
    }

    /** The partner an allocation names, as the organisation registry knows it. */
    private Organisation registered(String initiativeId, AllocationSpec spec) {
        return organisations.registered(initiativeId, "recipient", spec.recipient());
    }

    /**
     * The organisation that runs the activity an allocation goes to: it benefits, so its members may not approve it.
     * The activity must exist (aligned activities must be installed to tell); a named partner organisation must be
     * its owner.
     */
    private String activityOwner(String initiativeId, AllocationSpec spec) {
        ActivityCatalogue catalogue = activities.get();
        if (catalogue == null) {
            throw new ProblemException(Problem.conflict("Money goes to an activity only when the activity can be "
                    + "checked: the module 'function-aligned-activities' is not installed."));
        }
        ActivityRef activity = catalogue.activity(initiativeId, spec.recipient()).orElseThrow(() ->
                ProblemException.invalid("recipient", "initiative '" + initiativeId + "' has no activity '"
                        + spec.recipient().strip() + "'"));
        if (spec.partnerOrganisation() != null && !spec.partnerOrganisation().isBlank()
                && !OrganisationName.same(spec.partnerOrganisation(), activity.ownerOrganisation())) {
            throw ProblemException.invalid("partnerOrganisation", "the activity '" + activity.title() + "' is run by '"
                    + activity.ownerOrganisation() + "'");
        }
        return activity.ownerOrganisation();
    }

    /**
     * What keeps the allocation within the money received. Read after the grants are locked: every write that could
     * raise the commitments takes the same locks first, so what is read here is what the commit will stand on.
     */
    private static List<Violation> overCommitted(String initiativeId, AllocationSpec spec, List<Grant> grants,
                                                 List<Allocation> existing) {
        List<Violation> violations = new ArrayList<>();
        if (spec.grantId() != null) {
            Grant grant = grants.stream().filter(g -> g.id() == spec.grantId()).findFirst().orElse(null);
            if (grant == null || grant.status() != GrantStatus.ACTIVE) {
                violations.add(new Violation("grantId", grant == null ? "initiative '" + initiativeId
                        + "' has no grant " + spec.grantId() : "grant " + spec.grantId() + " is " + grant.status()
                        + ", not an accepted grant"));
            } else {
                BigDecimal committed = FundingReports.committed(existing.stream()
                        .filter(a -> spec.grantId().equals(a.grantId())).toList());
                BigDecimal left = grant.received().subtract(committed);
                if (spec.amount().compareTo(left) > 0) {
                    violations.add(new Violation("amount", "more than grant " + grant.id() + " has left: it has "
                            + "received " + grant.received().toPlainString() + " of which " + committed.toPlainString()
                            + " is allocated or pending; at most " + left.max(BigDecimal.ZERO).toPlainString() + " is left"));
                }
            }
        }
        Totals totals = FundingReports.totals(grants, existing);
        if (spec.amount().compareTo(totals.available()) > 0) {
            violations.add(new Violation("amount", "more than the money received allows: received "
                    + totals.received().toPlainString() + ", allocated " + totals.allocated().toPlainString()
                    + ", pending " + totals.pending().toPlainString() + "; at most "
                    + totals.available().max(BigDecimal.ZERO).toPlainString() + " is available"));
        }
        return violations;
    }
}
