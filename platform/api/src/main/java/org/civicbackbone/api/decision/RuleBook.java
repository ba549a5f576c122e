package org.civicbackbone.api.decision;

import java.time.Instant;
import java.util.List;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.module.DecisionType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The rules an initiative lives by over time: its structure model's defaults, the adjustments it has adopted, and
 * the models it has had. Both kinds of change are themselves governed decisions ({@link DecisionType#CHANGE_STRUCTURE}
 * under the rules in force) and take effect only when approved.
 *
 * <p>Limits of an adjustment: it may only tighten a default. Every step of the default stays, with a rule at least as
 * strict (majority &lt; two-thirds &lt; consensus; an accountable officer stays an officer); steps for other bodies the
 * model requires may be added.
 */
@ProviderType
public interface RuleBook {

    /** One adopted version of an initiative's rule for a decision type under a model. */
    record RuleVersion(String initiativeId, String modelId, DecisionType decisionType, int version,
                       List<ApprovalStep> steps, long proposalId, Instant effectiveAt) {
        public RuleVersion {
            steps = List.copyOf(steps);
        }
    }

    /** A period during which an initiative was governed by a model. */
    record ModelPeriod(String modelId, Instant from, Instant until, Long proposalId) {
    }

    /** The rules in force now: the model's defaults with the initiative's adopted adjustments. */
    List<AccountabilityRule> rulesInForce(String initiativeId);

    /** Proposes an adjustment of one decision type's rule; refused (400) when outside the model's limits. */
    Proposal proposeRule(String initiativeId, DecisionType decisionType, List<ApprovalStep> steps, String reason,
                         String actor);

    /** Proposes moving the initiative to another structure model. */
    Proposal proposeModel(String initiativeId, String modelId, String reason, String actor);

    /** Every adopted rule version of the initiative, oldest first. */
    List<RuleVersion> ruleHistory(String initiativeId);

    /** The models the initiative has had, oldest first. */
    List<ModelPeriod> modelHistory(String initiativeId);
}
