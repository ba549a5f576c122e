package org.civicbackbone.core.internal.governance;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.decision.Vote;
import org.civicbackbone.api.decision.VoteChoice;

/**
 * How a proposal moves on: each open step is tallied by its rule ({@link StepTally}) on the latest vote of each
 * seat that may vote, and approved, rejected or left open; the last approved step approves the proposal. A seat fixed
 * when the proposal opened and given up since without voting is not counted; a vote cast before stands. Runs on the
 * caller's connection, with the proposal's row locked.
 */
record ProposalProgress(Electorate electorate, AuditLog audit, Clock clock) {

    /**
     * Who votes on a step: the seats fixed when the proposal opened; for a proposal opened before seats were
     * recorded, the body's members now.
     */
    List<Seat> seats(Connection c, ProposalRecords records, String initiativeId, Proposal proposal,
                     Proposal.Step step) {
        List<Seat> recorded = records.recordedSeats(proposal.id(), step.index());
        return recorded != null ? recorded : electorate.seatsNow(c, initiativeId,
                electorate.beneficiary(c, initiativeId, proposal.beneficiary())).getOrDefault(step.bodyType(), List.of());
    }

    /**
     * Decides open steps as far as the votes allow; with {@code closing}, the time is up. Returns the proposal if
     * this call decided it, else null.
     */
    Proposal advance(Connection c, ProposalRecords records, String initiativeId, long proposalId, boolean closing) {
        Proposal proposal = records.load(initiativeId, proposalId);
        while (proposal.state() == ProposalState.OPEN) {
            Proposal.Step step = proposal.steps().stream().filter(s -> s.state().equals("OPEN")).findFirst().orElseThrow();
            Set<String> logins = new LinkedHashSet<>();
            seats(c, records, initiativeId, proposal, step).stream().filter(s -> !s.conflicted()).forEach(s -> logins.add(s.voter()));
            // a seat given up before its vote decides nothing: neither a vote nor an absence that weighs against
            records.absentVoters(proposalId, step.index()).forEach(logins::remove);
            Map<String, VoteChoice> latest = new LinkedHashMap<>();
            for (Vote v : records.votes(proposalId)) {
                if (v.stepIndex() == step.index() && logins.contains(v.voter())) {
                    latest.put(v.voter(), v.choice());
                }
            }
            // nobody left to vote: open until its time is up (a seat taken again by one of them counts again)
            StepTally.Result result = logins.isEmpty() ? closing ? StepTally.Result.NO_QUORUM : StepTally.Result.OPEN
                    : StepTally.evaluate(step.rule(), logins.size(), latest.values(), closing);
            switch (result) {
                case OPEN -> {
                    return null;
                }
                case APPROVED -> {
                    records.setStep(proposalId, step.index(), "APPROVED");
                    if (step.index() + 1 < proposal.steps().size()) {
                        records.setStep(proposalId, step.index() + 1, "OPEN");
                        if (closing) {
                            records.finish(proposalId, ProposalState.EXPIRED, Instant.now(clock));
                        }
                    } else {
                        records.finish(proposalId, ProposalState.APPROVED, Instant.now(clock));
                    }
                }
                case REJECTED -> {
                    records.setStep(proposalId, step.index(), "REJECTED");
                    records.finish(proposalId, ProposalState.REJECTED, Instant.now(clock));
                }
                case NO_QUORUM -> records.finish(proposalId, ProposalState.EXPIRED, Instant.now(clock));
                default -> throw new IllegalStateException(result.name());
            }
            proposal = records.load(initiativeId, proposalId);
        }
        audit.record(c, "system", initiativeId, proposal.module(), "proposal.decided",
                "proposal " + proposalId + " " + proposal.state());
        return proposal;
    }
}
