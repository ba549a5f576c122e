package org.civicbackbone.api.decision;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Puts governed decisions to an initiative's bodies under the accountability rules of its structure model.
 * A governed action takes effect only once its proposal is {@link ProposalState#APPROVED}; a module learns of
 * outcomes through {@link DecisionListener}. Refusals are {@link org.civicbackbone.api.problem.ProblemException}s:
 * the initiative's structure model module is not installed, the model does not permit the decision, a body the
 * rule needs is missing, or a conflict of interest leaves nobody to decide.
 */
@ProviderType
public interface DecisionService {

    /** Opens a proposal on behalf of a module; returns it with its approval chain. */
    Proposal propose(String initiativeId, ProposalSpec spec, String module, String actor);

    /**
     * Opens a proposal and records the module's governed action in the same transaction (both or neither). The
     * voters of every step are fixed as the proposal opens: a seat added later does not vote on it.
     *
     * @since 1.1
     */
    <T> T propose(String initiativeId, ProposalSpec spec, String module, String actor, GovernedAction<T> action);

    /** Records a member's vote (a changed vote is a new record) and returns the proposal as it then stands. */
    Proposal vote(String initiativeId, long proposalId, VoteSpec vote, String actor);

    /** Withdraws an open proposal (its proposer or a platform admin). */
    Proposal withdraw(String initiativeId, long proposalId, String actor, boolean admin);

    /** The proposal (404 problem when the initiative has none with that id). */
    Proposal proposal(String initiativeId, long proposalId);

    /** Every vote cast on the proposal, in order, changed votes included. */
    List<Vote> votes(String initiativeId, long proposalId);

    /**
     * What keeps the initiative's structure model from being enforced, in words: the model's module is not
     * installed, a required body is missing or has no member who can vote. Empty when all is in place.
     */
    List<String> setupProblems(String initiativeId);

    /** The initiative's proposals, newest first. */
    List<Proposal> proposals(String initiativeId);

    /**
     * The initiative's proposals by id: how a module reads the state of the decisions its records were put to, in one
     * read for a whole list (1.4).
     */
    default Map<Long, Proposal> proposalsById(String initiativeId) {
        Map<Long, Proposal> byId = new HashMap<>();
        for (Proposal proposal : proposals(initiativeId)) {
            byId.put(proposal.id(), proposal);
        }
        return byId;
    }

    /**
     * Every vote cast on the initiative's proposals, by proposal id, each list in order with changed votes included
     * (a proposal nobody voted on is absent): the votes of a whole decision log in one read, however many proposals.
     *
     * @since 1.2
     */
    Map<Long, List<Vote>> votesByProposal(String initiativeId);

    /**
     * The open proposals waiting for this login's vote, across every initiative: its seat is among the voters fixed
     * for the step now open (and not conflicted), and it has not voted on that step yet. The soonest to expire first.
     *
     * @since 1.3
     */
    List<Proposal> awaitingVote(String login);
}
