package org.civicbackbone.core.internal.governance;

import static org.civicbackbone.api.module.DecisionRule.ACCOUNTABLE_OFFICER;
import static org.civicbackbone.api.module.DecisionRule.CONSENSUS;
import static org.civicbackbone.api.module.DecisionRule.MAJORITY;
import static org.civicbackbone.api.module.DecisionRule.TWO_THIRDS;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.module.DecisionType;
import org.junit.Test;

public class RuleStepsTest {

    private static final Set<String> BODIES = Set.of("host-board", "leadership-group", "fiscal-host");
    private static final AccountabilityRule ALLOCATE = new AccountabilityRule(DecisionType.ALLOCATE_FUNDS,
            List.of(new ApprovalStep("host-board", MAJORITY), new ApprovalStep("fiscal-host", ACCOUNTABLE_OFFICER)), "r");

    @Test
    public void tighteningIsAllowed() {
        assertTrue(RuleSteps.checkTightening(ALLOCATE, List.of(new ApprovalStep("leadership-group", CONSENSUS),
                new ApprovalStep("host-board", CONSENSUS), new ApprovalStep("fiscal-host", ACCOUNTABLE_OFFICER)), BODIES)
                .isEmpty());
        assertTrue(RuleSteps.checkTightening(ALLOCATE, List.of(new ApprovalStep("host-board", TWO_THIRDS),
                new ApprovalStep("fiscal-host", ACCOUNTABLE_OFFICER)), BODIES).isEmpty());
    }

    @Test
    public void looseningDroppingOrUnknownBodiesAreNot() {
        assertEquals("steps", RuleSteps.checkTightening(ALLOCATE, List.of(new ApprovalStep("host-board", MAJORITY)),
                BODIES).get(0).field());
        assertEquals("steps[1].rule", RuleSteps.checkTightening(ALLOCATE, List.of(new ApprovalStep("host-board", MAJORITY),
                new ApprovalStep("fiscal-host", MAJORITY)), BODIES).get(0).field());
        assertEquals("steps[0].bodyType", RuleSteps.checkTightening(ALLOCATE, List.of(new ApprovalStep("city-council", MAJORITY),
                new ApprovalStep("host-board", MAJORITY), new ApprovalStep("fiscal-host", ACCOUNTABLE_OFFICER)), BODIES)
                .get(0).field());
        assertEquals(1, RuleSteps.checkTightening(new AccountabilityRule(DecisionType.HIRE_STAFF, List.of(), "no staff"),
                List.of(new ApprovalStep("host-board", MAJORITY)), BODIES).size());
    }

    @Test
    public void stepsRoundTrip() {
        assertEquals(ALLOCATE.steps(), RuleSteps.read(RuleSteps.write(ALLOCATE.steps())));
    }

    @Test
    public void aBodyIsNotAskedTwiceInARowButMayConfirmAfterAnother() {
        assertEquals(List.of(new org.civicbackbone.api.problem.Violation("steps[1].bodyType", "'host-board' decides at "
                + "step 1 already; make that step's rule stricter instead")), RuleSteps.checkTightening(ALLOCATE,
                List.of(new ApprovalStep("host-board", MAJORITY), new ApprovalStep("host-board", MAJORITY),
                        new ApprovalStep("fiscal-host", ACCOUNTABLE_OFFICER)), BODIES));
        assertTrue(RuleSteps.checkTightening(ALLOCATE, List.of(new ApprovalStep("host-board", MAJORITY),
                new ApprovalStep("leadership-group", CONSENSUS), new ApprovalStep("host-board", MAJORITY),
                new ApprovalStep("fiscal-host", ACCOUNTABLE_OFFICER)), BODIES).isEmpty());
    }
}
