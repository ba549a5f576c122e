package org.civicbackbone.structure.standalone.internal;

import static org.civicbackbone.testkit.StructureModelRules.approvers;
import static org.civicbackbone.testkit.StructureModelRules.assertEveryDecisionRuledOnceByItsOwnBodies;
import static org.junit.Assert.assertEquals;

import java.util.List;
import org.civicbackbone.api.module.DecisionType;
import org.junit.Test;

public class StandAloneModelTest {

    private final StandAloneModel model = new StandAloneModel();

    @Test
    public void rulesEveryDecisionOnceWithItsOwnBodies() {
        assertEveryDecisionRuledOnceByItsOwnBodies(model);
    }

    @Test
    public void theBoardHiresAlone() {
        assertEquals(List.of("board-of-directors"), approvers(model, DecisionType.HIRE_STAFF));
    }
}
