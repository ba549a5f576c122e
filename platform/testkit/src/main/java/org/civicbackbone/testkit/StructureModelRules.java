package org.civicbackbone.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.module.BodyRequirement;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.module.StructureModel;

/** What every structure model must satisfy before the platform can govern by it, as assertions for its tests. */
public final class StructureModelRules {

    private StructureModelRules() {
    }

    /**
     * Fails unless the model rules every decision type exactly once, explains each rule, and names in its steps only
     * bodies it requires. A rule without steps is allowed: it means the model forbids that decision.
     */
    public static void assertEveryDecisionRuledOnceByItsOwnBodies(StructureModel model) {
        Set<DecisionType> covered = EnumSet.noneOf(DecisionType.class);
        Set<String> bodies = bodyTypes(model.requiredBodies());
        for (AccountabilityRule rule : model.accountabilityRules()) {
            assertTrue("a second rule for " + rule.decisionType(), covered.add(rule.decisionType()));
            assertFalse(rule.decisionType() + " has no rationale", rule.rationale().isBlank());
            for (ApprovalStep step : rule.steps()) {
                assertTrue(rule.decisionType() + " names a body the model does not require: " + step.bodyType(),
                        bodies.contains(step.bodyType()));
            }
        }
        assertEquals("decision types the model rules", EnumSet.allOf(DecisionType.class), covered);
    }

    /** The body types of the approval steps of the model's rule for one decision type, in order. */
    public static List<String> approvers(StructureModel model, DecisionType type) {
        return model.accountabilityRules().stream().filter(r -> r.decisionType() == type).findFirst()
                .orElseThrow(() -> new AssertionError("no rule for " + type)).steps().stream()
                .map(ApprovalStep::bodyType).toList();
    }

    private static Set<String> bodyTypes(List<BodyRequirement> bodies) {
        return bodies.stream().map(BodyRequirement::bodyType).collect(Collectors.toSet());
    }
}
