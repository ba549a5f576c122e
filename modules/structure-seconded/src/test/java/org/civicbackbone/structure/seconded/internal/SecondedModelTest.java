package org.civicbackbone.structure.seconded.internal;

import static org.civicbackbone.testkit.StructureModelRules.approvers;
import static org.civicbackbone.testkit.StructureModelRules.assertEveryDecisionRuledOnceByItsOwnBodies;
import static org.junit.Assert.assertEquals;

import java.util.List;
import org.civicbackbone.api.module.DecisionType;
import org.junit.Test;

public class SecondedModelTest {

    private final SecondedModel model = new SecondedModel();

    @Test
    public void rulesEveryDecisionOnceWithItsOwnBodies() {
        assertEveryDecisionRuledOnceByItsOwnBodies(model);
    }

    @Test
    public void hiringNeedsTheEmployersCeoAndTheTable() {
        assertEquals(List.of("employing-ceo", "collaborative-table"), approvers(model, DecisionType.HIRE_STAFF));
    }
}
