package org.civicbackbone.core.internal.governance;

import java.util.Collection;
import org.civicbackbone.api.decision.VoteChoice;
import org.civicbackbone.api.module.DecisionRule;

/**
 * How one body's votes decide one step of an approval chain. Pure: the votes in are each eligible member's
 * latest vote; conflicted members are not eligible and have no vote.
 */
public final class StepTally {

    /** What the votes say so far. */
    public enum Result {
        /** Not decided yet: more votes could change the answer. */
        OPEN,
        /** The body approves. */
        APPROVED,
        /** The body does not approve. */
        REJECTED,
        /** Closed without enough members taking part. */
        NO_QUORUM
    }

    private StepTally() {
    }

    /** A quorum is more than half of the eligible members taking part (abstentions count as taking part). */
    static boolean quorum(int cast, int eligible) {
        return cast * 2 > eligible;
    }

    /**
     * Evaluates a step.
     *
     * @param rule     the body's decision rule
     * @param eligible how many members may vote
     * @param votes    the latest vote of each member who voted
     * @param closing  true when the time is up and the step must be decided on the votes in
     */
    public static Result evaluate(DecisionRule rule, int eligible, Collection<VoteChoice> votes, boolean closing) {
        long approve = votes.stream().filter(v -> v == VoteChoice.APPROVE).count();
        long block = votes.stream().filter(v -> v == VoteChoice.BLOCK).count();
        long against = votes.stream().filter(v -> v == VoteChoice.OBJECT).count() + block;
        int cast = votes.size();
        boolean everyone = cast >= eligible;
        switch (rule) {
            case NOT_PERMITTED:
                return Result.REJECTED;
            case ACCOUNTABLE_OFFICER:
                if (approve > 0 && against == 0) {
                    return Result.APPROVED;
                }
                if (against > 0) {
                    return Result.REJECTED;
                }
                return everyone || closing ? Result.NO_QUORUM : Result.OPEN;
            case CONSENSUS:
                if (block > 0) {
                    return Result.REJECTED;
                }
                if (!everyone && !closing) {
                    return Result.OPEN;
                }
                if (!quorum(cast, eligible)) {
                    return Result.NO_QUORUM;
                }
                return approve > 0 ? Result.APPROVED : Result.REJECTED;
            case MAJORITY:
                if (approve * 2 > eligible) {
                    return Result.APPROVED;
                }
                if (against * 2 >= eligible) {
                    return Result.REJECTED;
                }
                if (!everyone && !closing) {
                    return Result.OPEN;
                }
                if (!quorum(cast, eligible)) {
                    return Result.NO_QUORUM;
                }
                return approve > against ? Result.APPROVED : Result.REJECTED;
            case TWO_THIRDS:
                if (approve * 3 >= eligible * 2L) {
                    return Result.APPROVED;
                }
                if (against * 3 > eligible) {
                    return Result.REJECTED;
                }
                if (!everyone && !closing) {
                    return Result.OPEN;
                }
                if (!quorum(cast, eligible)) {
                    return Result.NO_QUORUM;
                }
                return approve * 3 >= (approve + against) * 2 && approve > 0 ? Result.APPROVED : Result.REJECTED;
            default:
                throw new IllegalArgumentException("unknown rule " + rule);
        }
    }
}
