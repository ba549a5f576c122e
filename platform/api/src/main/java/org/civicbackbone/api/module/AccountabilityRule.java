package org.civicbackbone.api.module;

import java.util.List;

/**
 * Who must approve a kind of decision under a structure model: ordered steps, all of which must approve.
 *
 * @param decisionType the kind of decision
 * @param steps        the approval chain, in order; empty only with a {@link DecisionRule#NOT_PERMITTED} rule
 * @param rationale    why the model settles it this way, grounded in the model's description
 */
public record AccountabilityRule(DecisionType decisionType, List<ApprovalStep> steps, String rationale) {
    public AccountabilityRule {
        steps = List.copyOf(steps);
    }
}
