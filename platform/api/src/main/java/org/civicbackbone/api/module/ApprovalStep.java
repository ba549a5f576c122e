package org.civicbackbone.api.module;

/**
 * One step of an approval chain: which body decides and by which rule.
 *
 * @param bodyType the type key of the deciding body, as in {@link BodyRequirement#bodyType()}
 * @param rule     how the body decides
 */
public record ApprovalStep(String bodyType, DecisionRule rule) {
}
