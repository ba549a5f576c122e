package org.civicbackbone.api.decision;

import java.time.Instant;
import org.civicbackbone.api.module.DecisionType;

/**
 * A decision put to an initiative's bodies.
 *
 * @param id           the proposal id
 * @param initiativeId the initiative
 * @param type         the decision type, which selects the accountability rule
 * @param title        what is proposed
 * @param proposedBy   the proposing member's login
 * @param beneficiary  the organisation that would receive funds or be hired into, for conflict-of-interest checks
 * @param state        where it stands
 * @param createdAt    when it was made
 * @param expiresAt    when it expires if undecided
 */
public record Proposal(long id, String initiativeId, DecisionType type, String title, String proposedBy,
                       String beneficiary, ProposalState state, Instant createdAt, Instant expiresAt) {
}
