package org.civicbackbone.structure.volunteer.internal;

import static org.civicbackbone.testkit.StructureModelRules.approvers;
import static org.civicbackbone.testkit.StructureModelRules.assertEveryDecisionRuledOnceByItsOwnBodies;
import static org.junit.Assert.assertEquals;

import java.util.List;
import org.civicbackbone.api.module.DecisionType;
import org.junit.Test;

public class VolunteerModelTest {

    private final VolunteerModel model = new VolunteerModel();

    @Test
    public void rulesEveryDecisionOnceWithItsOwnBodies() {
        assertEveryDecisionRuledOnceByItsOwnBodies(model);
    }

    @Test
    public void noOneCanHire() {
        assertEquals(List.of(), approvers(model, DecisionType.HIRE_STAFF));
    }
}
