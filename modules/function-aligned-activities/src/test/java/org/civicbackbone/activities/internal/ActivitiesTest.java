package org.civicbackbone.activities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.civicbackbone.activities.internal.JointPlan.Activity;
import org.civicbackbone.activities.internal.JointPlan.ActivitySpec;
import org.civicbackbone.activities.internal.JointPlan.ActivityStatus;
import org.civicbackbone.activities.internal.JointPlan.StatusSpec;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.testkit.InMemoryInitiatives;
import org.civicbackbone.testkit.InMemoryOrganisations;
import org.civicbackbone.testkit.RecordingAuditLog;
import org.civicbackbone.testkit.TestStore;
import org.junit.Test;

/** Activities through the function's rules on a real (in-memory) database. */
public class ActivitiesTest {

    private static ActivitySpec coaching(String owner) {
        return new ActivitySpec("Reading coaches at well-child visits", null, owner, List.of(1), LocalDate.of(2026, 6, 1),
                null);
    }

    /** Each partner's share of the joint plan counts its activities: one entered twice would count twice. */
    @Test
    public void aPartnerRunsAnActivityOnceWhileItIsUnderWay() {
        BackboneStore store = TestStore.inMemory();
        InMemoryOrganisations organisations = new InMemoryOrganisations();
        organisations.with("town", Sector.NONPROFIT, "Family Center", "Library");
        AlignedActivities plan = new AlignedActivities(store, new RecordingAuditLog(store),
                InMemoryInitiatives.with("town", AlignedActivities.FUNCTION_ID), input -> { }, organisations);
        Activity first = plan.addActivity("town", coaching("Family Center"), "staff");
        ProblemException twice = assertThrows(ProblemException.class, () -> plan.addActivity("town",
                coaching("family center"), "staff"));
        assertEquals(409, twice.problem().status());
        assertEquals(List.of(new Violation("title", "is activity " + first.id())), twice.problem().violations());
        // another partner may run one of that name; and once dropped, it may start again
        plan.addActivity("town", coaching("Library"), "staff");
        plan.setStatus("town", first.id(), new StatusSpec(ActivityStatus.DROPPED), "staff");
        plan.addActivity("town", coaching("Family Center"), "staff");
        assertEquals(3, plan.activities("town").size());
        ProblemException reopened = assertThrows(ProblemException.class, () -> plan.setStatus("town", first.id(),
                new StatusSpec(ActivityStatus.UNDERWAY), "staff"));
        assertEquals("taken up again beside its successor", "title", reopened.problem().violations().get(0).field());
        assertEquals(ActivityStatus.DROPPED, plan.activity("town", first.id()).status());
        ProblemException typed = assertThrows(ProblemException.class, () -> plan.addActivity("town", new ActivitySpec(
                "Book fair", null, "Library", List.of(1), LocalDate.of(1026, 6, 1), LocalDate.of(2927, 6, 1)), "staff"));
        assertEquals(List.of(new Violation("startOn", "must be in a year between 2000 and 2100"),
                new Violation("endOn", "must be in a year between 2000 and 2100")), typed.problem().violations());
    }
}
