package org.civicbackbone.resources.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.audit.Changes;
import org.civicbackbone.api.audit.RecordEdit;
import org.civicbackbone.api.audit.RecordEdits;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.initiative.SameName;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.RecordDays;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.resources.internal.Funding.AcceptanceSpec;
import org.civicbackbone.resources.internal.Funding.Grant;
import org.civicbackbone.resources.internal.Funding.GrantSpec;
import org.civicbackbone.resources.internal.Funding.GrantStatus;
import org.civicbackbone.resources.internal.Funding.Receipt;
import org.civicbackbone.resources.internal.Funding.ReceiptSpec;
import org.civicbackbone.resources.internal.Funding.Stage;
import org.civicbackbone.resources.internal.Funding.StageSpec;
import org.civicbackbone.resources.internal.FundingRecords.Award;

/**
 * A grant's life: opportunity, submitted (corrected until the funder answers), awarded or declined by the funder,
 * accepted by the initiative's own
 * decision, then money received against it, never more than awarded. Every check that protects money or a decision
 * runs in the transaction that writes, on the rows it locks.
 */
record Grants(BackboneStore store, AuditLog audit, RecordEdits<FundingRecords> edits, DecisionService decisions) {

    /**
     * Adds a violation when a period ends before it starts, or a day of it falls outside the years records may carry
     * ({@link RecordDays}: a slip of the keyboard, 1026 for 2026, would stand as an agreement of a thousand years).
     */
    static void checkPeriod(LocalDate start, LocalDate end, List<Violation> violations) {
        violations.addAll(RecordDays.outsideYears("periodStart", start));
        violations.addAll(RecordDays.outsideYears("periodEnd", end));
        if (start != null && end != null && end.isBefore(start)) {
            violations.add(new Violation("periodEnd", "ends before the period starts (" + start + ")"));
        }
    }

    /**
     * Adds a grant as an opportunity; a second of one funder, title and period (a second click, or a colleague
     * entering it too) is refused while the first is not declined, as its money would be counted twice in the
     * pipeline. Read in the writing transaction. Returns the new grant's id.
     */
    long add(String initiativeId, GrantSpec spec, String actor) {
        String title = spec.title().strip();
        GeneratedKey key = new GeneratedKey();
        store.inTurn(ResourcesSchema.MODULE, initiativeId, c -> {
            FundingRecords records = store.mapper(c, FundingRecords.class);
            refuseLiveNamesake(records, initiativeId, spec, null);
            records.insertGrant(key, initiativeId, spec.funderId(), title, Stage.OPPORTUNITY, spec.amountRequested(),
                    spec.periodStart(), spec.periodEnd(), actor, Instant.now());
            audit.record(c, actor, initiativeId, ResourcesSchema.MODULE, "grant.add", "grant " + key.id() + " '"
                    + title + "' for " + spec.amountRequested().toPlainString());
            return null;
        });
        return key.id();
    }

    /**
     * Corrects a grant not yet answered (an opportunity, or submitted): its funder, title, amount requested and period,
     * under the rule it was added by. Once awarded or declined its figures are the funder's answer, and the bodies
     * decide on them: 409. Returns whether anything changed; the audit log says what.
     */
    boolean correct(Grant grant, GrantSpec spec, String actor) {
        if (grant.status() != GrantStatus.OPPORTUNITY && grant.status() != GrantStatus.SUBMITTED) {
            throw new ProblemException(Problem.conflict("Grant " + grant.id() + " is " + grant.status()
                    + "; only a grant not yet answered by its funder is corrected."));
        }
        String title = spec.title().strip();
        return edits.edit(grant.initiativeId(), actor, "grant.correct", records -> {
            // compared with the grant as it is now: a correction sent at the same moment is the "before" of this one
            FundingRecords.GrantRow now = records.grantRows(grant.initiativeId()).stream()
                    .filter(g -> g.id() == grant.id()).findFirst().orElseThrow(RecordEdits.gone("Grant " + grant.id()));
            return new RecordEdit("grant " + grant.id(), new Changes().shown("funder", now.funderId(), spec.funderId())
                    .quoted("title", now.title(), title)
                    .shown("requested", now.amountRequested(), spec.amountRequested())
                    .shown("period", now.periodStart() + ".." + now.periodEnd(),
                            spec.periodStart() + ".." + spec.periodEnd()), () -> {
                        refuseLiveNamesake(records, grant.initiativeId(), spec, grant.id());
                        if (records.updateGrant(grant.id(), spec.funderId(), title, spec.amountRequested(),
                                spec.periodStart(), spec.periodEnd(), Stage.valueOf(grant.status().name())) == 0) {
                            // the funder's answer came first
                            throw new ProblemException(Problem.conflict("Grant " + grant.id() + " changed while this "
                                    + "was sent (it was " + grant.status() + "); read it again."));
                        }
                    });
        });
    }

    /**
     * Refuses a grant of a funder, title and period that another (not {@code self}) not declined has: a second click,
     * or a colleague entering it too, would count its money twice in the pipeline.
     */
    private static void refuseLiveNamesake(FundingRecords records, String initiativeId, GrantSpec spec, Long self) {
        for (FundingRecords.LiveGrant same : records.liveGrantsOf(initiativeId, spec.funderId())) {
            if (!Long.valueOf(same.id()).equals(self) && SameName.of(same.title(), spec.title())
                    && Objects.equals(same.periodStart(), spec.periodStart())
                    && Objects.equals(same.periodEnd(), spec.periodEnd())) {
                throw new ProblemException(Problem.conflict("Grant " + same.id() + " is '" + same.title()
                        + "' from " + same.funder() + " for that period (" + same.stage() + ").",
                        List.of(new Violation("title", "is grant " + same.id() + " already"))));
            }
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
        // a status it may move from is its stage, or an award the bodies did not accept
        Stage seen = grant.status() == GrantStatus.NOT_ACCEPTED ? Stage.AWARDED : Stage.valueOf(grant.status().name());
        store.inTransaction(c -> {
            if (store.mapper(c, FundingRecords.class).setStage(grant.id(), spec.stage(), spec.amountAwarded(), start,
                    end, seen, grant.acceptanceProposalId()) == 0) { // a second answer, or an acceptance, came first
                throw new ProblemException(Problem.conflict("Grant " + grant.id() + " changed while this was sent "
                        + "(it was " + grant.status() + "); read it again."));
            }
            audit.record(c, actor, grant.initiativeId(), ResourcesSchema.MODULE, "grant.stage", "grant " + grant.id()
                    + " " + spec.stage() + (spec.amountAwarded() == null ? "" : " " + spec.amountAwarded().toPlainString()));
            return null;
        });
    }

    /**
     * Puts the acceptance of an awarded grant to the initiative's bodies. The proposal and the grant's link to it
     * commit together; a grant put to another proposal, or declined, meanwhile refuses this one, which then leaves
     * nothing.
     */
    void proposeAcceptance(Grant grant, AcceptanceSpec spec, String actor) {
        if (grant.status() != GrantStatus.AWARDED && grant.status() != GrantStatus.NOT_ACCEPTED) {
            throw new ProblemException(Problem.conflict("Grant " + grant.id() + " is " + grant.status()
                    + "; only an awarded grant can be put to acceptance."));
        }
        decisions.propose(grant.initiativeId(), new ProposalSpec(DecisionType.ACCEPT_GRANT,
                "Accept " + Amounts.written(grant.amountAwarded()) + " from " + grant.funder() + " for '" + grant.title()
                        + "'", spec == null ? null : spec.reason(), null, spec == null ? null : spec.expiresInDays()),
                ResourcesSchema.MODULE, actor, (c, proposal) -> {
                    if (store.mapper(c, FundingRecords.class).setAcceptanceProposal(grant.id(), proposal.id(),
                            grant.acceptanceProposalId()) == 0) {
                        throw new ProblemException(Problem.conflict("Grant " + grant.id()
                                + " was put to another proposal, or declined, meanwhile; read it again."));
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
        if (spec.receivedOn().isAfter(RecordDays.latestToday())) {
            throw ProblemException.invalid("receivedOn", "money is recorded once it has come in");
        }
        ProblemException.refuseIfAny(RecordDays.outsideYears("receivedOn", spec.receivedOn()));
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
