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
import org.civicbackbone.api.decision.RuleBook;
import org.civicbackbone.api.decision.Vote;
import org.civicbackbone.api.decision.VoteSpec;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;

/**
 * A decision service for unit tests whose outcomes the test decides: proposals open as the platform's do (a governed
 * action is recorded in the same transaction on the test's store, and a failing action leaves no proposal), votes
 * are recorded, and {@link #decide} settles a proposal as the bodies would. A rule book, when given
 * ({@link #stepsFrom}), names the bodies of each proposal's steps; no vote is counted by them.
 */
public final class ScriptedDecisions implements DecisionService {

    private final BackboneStore store;
    private final Map<Long, Proposal> proposals = new LinkedHashMap<>();
    private final List<Vote> votes = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private RuleBook rules;
    private Runnable meanwhile;

    /** @param store the test's store, in which governed actions are recorded */
    public ScriptedDecisions(BackboneStore store) {
        this.store = store;
    }

    /**
     * Gives each proposal from now on the steps of the rule in force for its decision (the bodies that decide it, the
     * first open, the others pending), as the platform gives them; without it, proposals have no steps. Usually the
     * {@link ModelRuleBook} made with this decision service.
     */
    public synchronized ScriptedDecisions stepsFrom(RuleBook rules) {
        this.rules = rules;
        return this;
    }

    /**
     * Runs {@code change} once, just before the next proposal's transaction begins: as another request that commits
     * while the module under test prepared its proposal, for testing that a rule the module read before is read
     * again in the transaction that writes.
     */
    public synchronized ScriptedDecisions meanwhile(Runnable change) {
        this.meanwhile = change;
        return this;
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
                steps(initiativeId, spec), now, now.plus(Duration.ofDays(days)), null);
        Runnable change;
        synchronized (this) {
            change = meanwhile;
            meanwhile = null;
        }
        if (change != null) {
            change.run();
        }
        T recorded = store.inTransaction(c -> action.record(c, proposal));
        synchronized (this) {
            proposals.put(proposal.id(), proposal);
        }
        return recorded;
    }

    /** The steps of the rule in force for the decision, or none without a rule book. */
    private List<Proposal.Step> steps(String initiativeId, ProposalSpec spec) {
        RuleBook book;
        synchronized (this) {
            book = rules;
        }
        List<ApprovalStep> rule = book == null ? List.of() : book.rulesInForce(initiativeId).stream()
                .filter(r -> r.decisionType() == spec.type()).findFirst().map(AccountabilityRule::steps)
                .orElse(List.of());
        List<Proposal.Step> steps = new ArrayList<>();
        for (int i = 0; i < rule.size(); i++) {
            steps.add(new Proposal.Step(i, rule.get(i).bodyType(), rule.get(i).rule(), i == 0 ? "OPEN" : "PENDING"));
        }
        return steps;
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
