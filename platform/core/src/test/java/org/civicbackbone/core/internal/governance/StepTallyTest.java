package org.civicbackbone.core.internal.governance;

import static org.civicbackbone.api.decision.VoteChoice.ABSTAIN;
import static org.civicbackbone.api.decision.VoteChoice.APPROVE;
import static org.civicbackbone.api.decision.VoteChoice.BLOCK;
import static org.civicbackbone.api.decision.VoteChoice.OBJECT;
import static org.civicbackbone.api.module.DecisionRule.ACCOUNTABLE_OFFICER;
import static org.civicbackbone.api.module.DecisionRule.CONSENSUS;
import static org.civicbackbone.api.module.DecisionRule.MAJORITY;
import static org.civicbackbone.api.module.DecisionRule.TWO_THIRDS;
import static org.civicbackbone.core.internal.governance.StepTally.Result.APPROVED;
import static org.civicbackbone.core.internal.governance.StepTally.Result.NO_QUORUM;
import static org.civicbackbone.core.internal.governance.StepTally.Result.OPEN;
import static org.civicbackbone.core.internal.governance.StepTally.Result.REJECTED;
import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

public class StepTallyTest {

    @Test
    public void majorityDecidesAsSoonAsTheOutcomeIsCertain() {
        assertEquals(OPEN, StepTally.evaluate(MAJORITY, 5, List.of(APPROVE, APPROVE), false));
        assertEquals(APPROVED, StepTally.evaluate(MAJORITY, 5, List.of(APPROVE, APPROVE, APPROVE), false));
        assertEquals(REJECTED, StepTally.evaluate(MAJORITY, 4, List.of(OBJECT, BLOCK), false));
    }

    @Test
    public void aTieUnderMajorityIsNotApproval() {
        assertEquals(REJECTED, StepTally.evaluate(MAJORITY, 5, List.of(APPROVE, APPROVE, OBJECT, OBJECT, ABSTAIN), false));
    }

    @Test
    public void majorityWithOneDissent() {
        assertEquals(APPROVED, StepTally.evaluate(MAJORITY, 3, List.of(APPROVE, OBJECT, APPROVE), false));
    }

    @Test
    public void quorumNotReachedWhenTimeIsUp() {
        assertEquals(NO_QUORUM, StepTally.evaluate(MAJORITY, 5, List.of(APPROVE, ABSTAIN), true));
        assertEquals(NO_QUORUM, StepTally.evaluate(CONSENSUS, 5, List.of(APPROVE, APPROVE), true));
        assertEquals(APPROVED, StepTally.evaluate(CONSENSUS, 5, List.of(APPROVE, APPROVE, OBJECT), true));
    }

    @Test
    public void aBlockEndsConsensusAndObjectionsDoNot() {
        assertEquals(REJECTED, StepTally.evaluate(CONSENSUS, 4, List.of(APPROVE, BLOCK), false));
        assertEquals(OPEN, StepTally.evaluate(CONSENSUS, 3, List.of(APPROVE, OBJECT), false));
        assertEquals(APPROVED, StepTally.evaluate(CONSENSUS, 3, List.of(APPROVE, OBJECT, ABSTAIN), false));
        assertEquals(REJECTED, StepTally.evaluate(CONSENSUS, 2, List.of(ABSTAIN, ABSTAIN), false));
    }

    @Test
    public void twoThirds() {
        assertEquals(APPROVED, StepTally.evaluate(TWO_THIRDS, 6, List.of(APPROVE, APPROVE, APPROVE, APPROVE), false));
        assertEquals(OPEN, StepTally.evaluate(TWO_THIRDS, 6, List.of(APPROVE, APPROVE, APPROVE), false));
        assertEquals(REJECTED, StepTally.evaluate(TWO_THIRDS, 6, List.of(OBJECT, OBJECT, OBJECT), false));
        assertEquals("two of three voting, abstention aside", APPROVED,
                StepTally.evaluate(TWO_THIRDS, 4, List.of(APPROVE, APPROVE, OBJECT, ABSTAIN), true));
        assertEquals(REJECTED, StepTally.evaluate(TWO_THIRDS, 6, List.of(APPROVE, APPROVE, OBJECT, OBJECT), true));
    }

    @Test
    public void theAccountableOfficerDecidesAlone() {
        assertEquals(APPROVED, StepTally.evaluate(ACCOUNTABLE_OFFICER, 1, List.of(APPROVE), false));
        assertEquals(REJECTED, StepTally.evaluate(ACCOUNTABLE_OFFICER, 1, List.of(OBJECT), false));
        assertEquals(OPEN, StepTally.evaluate(ACCOUNTABLE_OFFICER, 1, List.of(), false));
        assertEquals(NO_QUORUM, StepTally.evaluate(ACCOUNTABLE_OFFICER, 1, List.of(ABSTAIN), false));
    }
}
