package org.civicbackbone.api.decision;

import java.time.Instant;
import java.util.List;
import org.civicbackbone.api.module.DecisionType;

/**
 * A decision put to an initiative's bodies, with the approval chain that was in force when it was proposed: a
 * past decision stays judged by those rules even after the initiative changes its model or rules.
 *
 * @param id           the proposal id
 * @param initiativeId the initiative
 * @param type         the decision type, which selected the accountability rule
 * @param title        what is proposed
 * @param description  the case for it
 * @param beneficiary  the organisation that would receive the funds or employ the person, for conflict-of-interest
 *                     checks; null when none
 * @param module       the module that proposed it and acts on the outcome ({@code core}, {@code function-resources})
 * @param modelId      the structure model whose rule applied
 * @param rationale    the rule's rationale
 * @param proposedBy   the proposing user's login
 * @param state        where it stands
 * @param steps        the approval chain and how far it got
 * @param createdAt    when it was made
 * @param expiresAt    when it expires if undecided
 * @param decidedAt    when it reached its outcome, or null
 */
public record Proposal(long id, String initiativeId, DecisionType type, String title, String description,
                       String beneficiary, String module, String modelId, String rationale, String proposedBy,
                       ProposalState state, List<Step> steps, Instant createdAt, Instant expiresAt, Instant decidedAt) {

    public Proposal {
        steps = List.copyOf(steps);
    }

    /**
     * One step of the chain as it stands.
     *
     * @param index    0-based position in the chain
     * @param bodyType the deciding body's type
     * @param rule     how it decides
     * @param state    PENDING (not reached), OPEN, APPROVED or REJECTED
     */
    public record Step(int index, String bodyType, org.civicbackbone.api.module.DecisionRule rule, String state) {
    }
}
