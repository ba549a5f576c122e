package org.civicbackbone.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.GovernedAction;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.decision.Vote;
import org.civicbackbone.api.decision.VoteSpec;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;

/**
 * A decision service for unit tests whose outcomes the test decides: proposals open as the platform's do (a governed
 * action is recorded in the same transaction on the test's store, and a failing action leaves no proposal), votes
 * are recorded, and {@link #decide} settles a proposal as the bodies would. No structure model is consulted.
 */
public final class ScriptedDecisions implements DecisionService {

    private final BackboneStore store;
    private final Map<Long, Proposal> proposals = new LinkedHashMap<>();
    private final List<Vote> votes = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /** @param store the test's store, in which governed actions are recorded */
    public ScriptedDecisions(BackboneStore store) {
        this.store = store;
    }

    @Override
    public Proposal propose(String initiativeId, ProposalSpec spec, String module, String actor) {
        return propose(initiativeId, spec, module, actor, (c, proposal) -> proposal);
    }

    @Override
    public <T> T propose(String initiativeId, ProposalSpec spec, String module, String actor, GovernedAction<T> action) {
        Instant now = Instant.now();
        int days = spec.expiresInDays() == null ? 14 : spec.expiresInDays();
        Proposal proposal = new Proposal(ids.incrementAndGet(), initiativeId, spec.type(), spec.title(),
                spec.description(), spec.beneficiary(), module, "test", "decided by the test", actor, ProposalState.OPEN,
                List.of(), now, now.plus(Duration.ofDays(days)), null);
        T recorded = store.inTransaction(c -> action.record(c, proposal));
        synchronized (this) {
            proposals.put(proposal.id(), proposal);
        }
        return recorded;
    }

    /** Settles a proposal as its bodies would (APPROVED, REJECTED, EXPIRED ...). */
    public synchronized Proposal decide(long proposalId, ProposalState state) {
        Proposal p = proposals.get(proposalId);
        Proposal decided = new Proposal(p.id(), p.initiativeId(), p.type(), p.title(), p.description(), p.beneficiary(),
                p.module(), p.modelId(), p.rationale(), p.proposedBy(), state, p.steps(), p.createdAt(), p.expiresAt(),
                Instant.now());
        proposals.put(proposalId, decided);
        return decided;
    }

    @Override
    public synchronized Proposal vote(String initiativeId, long proposalId, VoteSpec vote, String actor) {
        Proposal proposal = proposal(initiativeId, proposalId);
        votes.add(new Vote(votes.size() + 1, proposalId, 0, actor, null, vote.choice(), vote.reason(), Instant.now()));
        return proposal;
    }

    @Override
    public synchronized Proposal withdraw(String initiativeId, long proposalId, String actor, boolean admin) {
        proposal(initiativeId, proposalId);
        return decide(proposalId, ProposalState.WITHDRAWN);
    }

    @Override
    public synchronized Proposal proposal(String initiativeId, long proposalId) {
        Proposal proposal = proposals.get(proposalId);
        if (proposal == null || !proposal.initiativeId().equals(initiativeId)) {
            throw new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no proposal "
                    + proposalId + "."));
        }
        return proposal;
    }

    @Override
    public synchronized List<Vote> votes(String initiativeId, long proposalId) {
        proposal(initiativeId, proposalId);
        return votes.stream().filter(v -> v.proposalId() == proposalId).toList();
    }

    @Override
    public List<String> setupProblems(String initiativeId) {
        return List.of();
    }

    @Override
    public synchronized List<Proposal> proposals(String initiativeId) {
        return proposals.values().stream().filter(p -> p.initiativeId().equals(initiativeId))
                .sorted(Comparator.comparingLong(Proposal::id).reversed()).toList();
    }

    /** Nothing: the test decides outcomes itself, so no seat is fixed and nobody's vote is awaited. */
    @Override
    public List<Proposal> awaitingVote(String login) {
        return List.of();
    }

    @Override
    public synchronized Map<Long, List<Vote>> votesByProposal(String initiativeId) {
        Map<Long, List<Vote>> byProposal = new LinkedHashMap<>();
        for (Vote vote : votes) {
            Proposal proposal = proposals.get(vote.proposalId());
            if (proposal != null && proposal.initiativeId().equals(initiativeId)) {
                byProposal.computeIfAbsent(vote.proposalId(), k -> new ArrayList<>()).add(vote);
            }
        }
        return byProposal;
    }
}
