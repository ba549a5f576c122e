package org.civicbackbone.policy.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.policy.internal.PolicyAgenda.Item;
import org.civicbackbone.policy.internal.PolicyAgenda.ItemSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.Outcome;
import org.civicbackbone.policy.internal.PolicyAgenda.OutcomeSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.TargetKind;
import org.civicbackbone.testkit.InMemoryInitiatives;
import org.civicbackbone.testkit.InMemoryOrganisations;
import org.civicbackbone.testkit.RecordingAuditLog;
import org.civicbackbone.testkit.ScriptedDecisions;
import org.civicbackbone.testkit.TestStore;
import org.junit.Test;

/** Policy items through the function's rules on a real (in-memory) database. */
public class PolicyItemsTest {

    private static ItemSpec item(String title) {
        return new ItemSpec(title, "Branches close early", "Open on Sundays", TargetKind.BUDGET, "County budget");
    }

    /** Partners state stances on an item: two open items of one issue would split them. */
    @Test
    public void anIssueIsOneOpenItemAndMayReturnOnceClosed() {
        BackboneStore store = TestStore.inMemory();
        Policy policy = new Policy(store, new RecordingAuditLog(store), InMemoryInitiatives.with("town",
                Policy.FUNCTION_ID), input -> { }, new ScriptedDecisions(store), new InMemoryOrganisations());
        Item first = policy.add("town", item("Library hours on weekends"), "staff");
        ProblemException twice = assertThrows(ProblemException.class, () -> policy.add("town",
                item(" library hours ON weekends"), "staff"));
        assertEquals(409, twice.problem().status());
        assertEquals(List.of(new Violation("title", "is open item " + first.id())), twice.problem().violations());
        policy.recordOutcome("town", first.id(), new OutcomeSpec(Outcome.DROPPED, "not this year"), "staff");
        assertEquals("raised again once dropped", 2, policy.add("town", item("Library hours on weekends"), "staff")
                .id());
    }
}
