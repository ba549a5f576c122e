package org.civicbackbone.structure.volunteer.internal;

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

public class VolunteerModelTest {

    private final VolunteerModel model = new VolunteerModel();

    @Test
    public void coversEveryDecisionTypeOnceWithItsOwnBodies() {
        Set<DecisionType> covered = EnumSet.noneOf(DecisionType.class);
        Set<String> bodies = model.requiredBodies().stream().map(BodyRequirement::bodyType).collect(Collectors.toSet());
        for (AccountabilityRule rule : model.accountabilityRules()) {
            assertTrue("duplicate rule " + rule.decisionType(), covered.add(rule.decisionType()));
            assertTrue(rule.decisionType() + " has no rationale", !rule.rationale().isBlank());
            for (ApprovalStep step : rule.steps()) {
                assertTrue(step.bodyType(), bodies.contains(step.bodyType()));
            }
        }
        assertEquals(EnumSet.allOf(DecisionType.class), covered);
    }

    @Test
    public void hiringRule() {
        AccountabilityRule hire = model.accountabilityRules().stream()
                .filter(r -> r.decisionType() == DecisionType.HIRE_STAFF).findFirst().orElseThrow();
        assertEquals(0, hire.steps().size());
    }
}
