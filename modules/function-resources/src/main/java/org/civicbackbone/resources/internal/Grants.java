package org.civicbackbone.resources.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.resources.internal.Funding.AcceptanceSpec;
import org.civicbackbone.resources.internal.Funding.Grant;
import org.civicbackbone.resources.internal.Funding.GrantStatus;
import org.civicbackbone.resources.internal.Funding.Receipt;
import org.civicbackbone.resources.internal.Funding.ReceiptSpec;
import org.civicbackbone.resources.internal.Funding.Stage;
import org.civicbackbone.resources.internal.Funding.StageSpec;
import org.civicbackbone.resources.internal.FundingRecords.Award;

/**
 * A grant's life: opportunity, submitted, awarded or declined by the funder, accepted by the initiative's own
 * decision, then money received against it, never more than awarded. Every check that protects money or a decision
 * runs in the transaction that writes, on the rows it locks.
 */
record Grants(BackboneStore store, AuditLog audit, DecisionService decisions) {

    /** Adds a violation when a period ends before it starts. */
    static void checkPeriod(LocalDate start, LocalDate end, List<Violation> violations) {
        if (start != null && end != null && end.isBefore(start)) {
            violations.add(new Violation("periodEnd", "ends before the period starts (" + start + ")"));
        }
    }

    /** Records a submission or the funder's answer; an award needs its amount, and only an award has one. */
    void changeStage(Grant grant, StageSpec spec, String actor) {
        Set<GrantStatus> allowedFrom = switch (spec.stage()) {
            case OPPORTUNITY -> Set.of();
            case SUBMITTED -> Set.of(GrantStatus.OPPORTUNITY);
            case AWARDED -> Set.of(GrantStatus.OPPORTUNITY, GrantStatus.SUBMITTED);
            case DECLINED -> Set.of(GrantStatus.OPPORTUNITY, GrantStatus.SUBMITTED, GrantStatus.AWARDED,
                    GrantStatus.NOT_ACCEPTED);
        };
        if (!allowedFrom.contains(grant.status())) {
            throw new ProblemException(Problem.conflict("Grant " + grant.id() + " is " + grant.status()
                    + "; it cannot move to " + spec.stage() + "."));
        }
        List<Violation> violations = new ArrayList<>();
        if (spec.stage() == Stage.AWARDED && spec.amountAwarded() == null) {
            violations.add(new Violation("amountAwarded", "an award needs its amount"));
        } else if (spec.stage() != Stage.AWARDED && spec.amountAwarded() != null) {
            violations.add(new Violation("amountAwarded", "only an award has an amount awarded, not a move to "
                    + spec.stage()));
        }
        LocalDate start = spec.periodStart() != null ? spec.periodStart() : grant.periodStart();
        LocalDate end = spec.periodEnd() != null ? spec.periodEnd() : grant.periodEnd();
        checkPeriod(start, end, violations);
        ProblemException.refuseIfAny(violations);
        store.inTransaction(c -> {
            store.mapper(c, FundingRecords.class).setStage(grant.id(), spec.stage(), spec.amountAwarded(), start, end);
            audit.record(c, actor, grant.initiativeId(), ResourcesSchema.MODULE, "grant.stage", "grant " + grant.id()
                    + " " + spec.stage() + (spec.amountAwarded() == null ? "" : " " + spec.amountAwarded().toPlainString()));
            return null;
        });
    }

    /**
     * Puts the acceptance of an awarded grant to the initiative's bodies. The proposal and the grant's link to it
     * commit together; a grant put to another proposal meanwhile refuses this one, which then leaves nothing.
     */
    void proposeAcceptance(Grant grant, AcceptanceSpec spec, String actor) {
        if (grant.status() != GrantStatus.AWARDED && grant.status() != GrantStatus.NOT_ACCEPTED) {
            throw new ProblemException(Problem.conflict("Grant " + grant.id() + " is " + grant.status()
                    + "; only an awarded grant can be put to acceptance."));
        }
        decisions.propose(grant.initiativeId(), new ProposalSpec(DecisionType.ACCEPT_GRANT,
                "Accept " + grant.amountAwarded().toPlainString() + " from " + grant.funder() + " for '" + grant.title()
                        + "'", spec == null ? null : spec.reason(), null, spec == null ? null : spec.expiresInDays()),
                ResourcesSchema.MODULE, actor, (c, proposal) -> {
                    if (store.mapper(c, FundingRecords.class).setAcceptanceProposal(grant.id(), proposal.id(),
                            grant.acceptanceProposalId()) == 0) {
                        throw new ProblemException(Problem.conflict("Grant " + grant.id()
                                + " was put to another proposal meanwhile."));
                    }
                    audit.record(c, actor, grant.initiativeId(), ResourcesSchema.MODULE, "grant.acceptance", "grant "
                            + grant.id() + " put to acceptance in proposal " + proposal.id());
                    return proposal;
                });
    }

    /**
     * Money received against an active grant, never more than awarded, and once it has come in: money expected next
     * month recorded as received would be allocated before it is there. A day's leeway, for time zones.
     */
    Receipt recordReceipt(Grant grant, ReceiptSpec spec, String actor) {
        if (spec.receivedOn().isAfter(java.time.LocalDate.now().plusDays(1))) {
            throw ProblemException.invalid("receivedOn", "money is recorded once it has come in");
        }
        if (grant.status() != GrantStatus.ACTIVE) {
            throw new ProblemException(Problem.conflict("Grant " + grant.id() + " is " + grant.status()
                    + "; money is received only against an accepted grant."));
        }
        GeneratedKey key = new GeneratedKey();
        store.inTransaction(c -> {
            FundingRecords records = store.mapper(c, FundingRecords.class);
            // the grant's row is locked until commit: parallel receipts take turns, each sees the ones before it
            Award award = records.lockOne(grant.initiativeId(), grant.id());
            BigDecimal awarded = award == null || award.amountAwarded() == null ? BigDecimal.ZERO : award.amountAwarded();
            BigDecimal received = records.received(grant.id());
            if (received.add(spec.amount()).compareTo(awarded) > 0) {
                throw new ProblemException(Problem.invalid("More than the award would be received.", List.of(
                        new Violation("amount", "received so far " + received.toPlainString() + " of "
                                + awarded.toPlainString() + "; at most " + awarded.subtract(received).toPlainString()
                                + " more"))));
            }
            records.insertReceipt(key, grant.id(), spec.amount(), spec.receivedOn(), actor, Instant.now());
            audit.record(c, actor, grant.initiativeId(), ResourcesSchema.MODULE, "grant.receipt",
                    spec.amount().toPlainString() + " received on grant " + grant.id());
            return null;
        });
        return new Receipt(key.id(), grant.id(), spec.amount(), spec.receivedOn(), actor);
    }
}
