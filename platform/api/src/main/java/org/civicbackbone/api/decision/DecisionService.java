package org.civicbackbone.api.decision;

import java.util.List;
import java.util.Optional;
import org.civicbackbone.api.module.DecisionType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Puts governed decisions to an initiative's bodies under the accountability rules of its structure model.
 * A governed action takes effect only once its proposal is {@link ProposalState#APPROVED}.
 */
@ProviderType
public interface DecisionService {

    /** Opens a proposal; refused with a problem when the initiative's structure model is not installed. */
    Proposal propose(String initiativeId, DecisionType type, String title, String beneficiary, String actor);

    /** Records a member's vote (a changed vote is recorded, never overwritten) and returns the proposal as it stands. */
    Proposal vote(long proposalId, VoteChoice choice, String reason, String actor);

    /** The proposal, if it exists. */
    Optional<Proposal> find(long proposalId);

    /** The initiative's proposals, newest first. */
    List<Proposal> proposals(String initiativeId);
}
