package org.civicbackbone.structure.nested.internal;

import static org.civicbackbone.testkit.StructureModelRules.approvers;
import static org.civicbackbone.testkit.StructureModelRules.assertEveryDecisionRuledOnceByItsOwnBodies;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicbackbone.api.module.BodyRequirement;
import org.civicbackbone.api.module.DecisionType;
import org.junit.Test;

public class NestedModelTest {

    private final NestedModel model = new NestedModel();

    @Test
    public void rulesEveryDecisionOnceWithItsOwnBodies() {
        assertEveryDecisionRuledOnceByItsOwnBodies(model);
    }

    @Test
    public void requiresFiscalHostHostBoardAndLeadershipGroup() {
        assertEquals(Set.of("fiscal-host", "host-board", "leadership-group"),
                model.requiredBodies().stream().map(BodyRequirement::bodyType).collect(Collectors.toSet()));
    }

    @Test
    public void everyDecisionNeedsAtLeastOneBody() {
        for (DecisionType type : DecisionType.values()) {
            assertFalse(type + " has no approvers", approvers(model, type).isEmpty());
        }
    }

    @Test
    public void hiringNeedsTheHostBoardThenTheLeadershipGroup() {
        assertEquals(List.of("host-board", "leadership-group"), approvers(model, DecisionType.HIRE_STAFF));
    }
}
