package org.civicbackbone.structure.nested.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.module.BodyRequirement;
import org.civicbackbone.api.module.DecisionType;
import org.junit.Test;

public class NestedModelTest {

    private final NestedModel model = new NestedModel();

    @Test
    public void requiresFiscalHostHostBoardAndLeadershipGroup() {
        assertEquals(Set.of("fiscal-host", "host-board", "leadership-group"),
                model.requiredBodies().stream().map(BodyRequirement::bodyType).collect(Collectors.toSet()));
    }

    @Test
    public void coversEveryDecisionTypeOnceWithKnownBodies() {
        Set<DecisionType> covered = EnumSet.noneOf(DecisionType.class);
        Set<String> bodies = model.requiredBodies().stream().map(BodyRequirement::bodyType).collect(Collectors.toSet());
        for (AccountabilityRule rule : model.accountabilityRules()) {
            assertTrue("duplicate rule " + rule.decisionType(), covered.add(rule.decisionType()));
            assertTrue(rule.decisionType() + " has no steps", !rule.steps().isEmpty());
            for (ApprovalStep step : rule.steps()) {
                assertTrue(step.bodyType(), bodies.contains(step.bodyType()));
            }
        }
        assertEquals(EnumSet.allOf(DecisionType.class), covered);
    }

    @Test
    public void hiringNeedsBothHostBoardAndLeadershipGroup() {
        AccountabilityRule hire = model.accountabilityRules().stream()
                .filter(r -> r.decisionType() == DecisionType.HIRE_STAFF).findFirst().orElseThrow();
        assertEquals(Set.of("host-board", "leadership-group"),
                hire.steps().stream().map(ApprovalStep::bodyType).collect(Collectors.toSet()));
    }
}
