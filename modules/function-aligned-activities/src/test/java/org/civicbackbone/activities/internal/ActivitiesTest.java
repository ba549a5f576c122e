package org.civicbackbone.activities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.civicbackbone.activities.internal.JointPlan.Activity;
import org.civicbackbone.activities.internal.JointPlan.ActivitySpec;
import org.civicbackbone.activities.internal.JointPlan.ActivityStatus;
import org.civicbackbone.activities.internal.JointPlan.StatusSpec;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.testkit.RecordingAuditLog;
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
        AlignedActivities plan = TownPlan.with("Family Center", "Library").plan();
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

    /**
     * Plans change: an activity's end moves, a goal is added, a partner takes it over. The edit is checked as an
     * addition is, the audit log says what changed, and an edit that changes nothing records nothing.
     */
    @Test
    public void anActivityIsEditedUnderTheRulesItWasAddedBy() {
        TownPlan town = TownPlan.with("Family Center", "Library");
        AlignedActivities plan = town.plan();
        RecordingAuditLog audit = town.audit();
        Activity coaching = plan.addActivity("town", coaching("Family Center"), "staff");
        Activity fair = plan.addActivity("town", new ActivitySpec("Book fair", null, "Library", List.of(2),
                LocalDate.of(2026, 9, 1), null), "staff");

        Activity edited = plan.editActivity("town", coaching.id(), new ActivitySpec(" Reading coaches at clinics ",
                "At every well-child visit", "library", List.of(3, 1, 3), LocalDate.of(2026, 6, 1),
                LocalDate.of(2028, 6, 30)), "chair");
        assertEquals(new Activity(coaching.id(), "town", "Reading coaches at clinics", "At every well-child visit",
                "Library", List.of(1, 3), LocalDate.of(2026, 6, 1), LocalDate.of(2028, 6, 30), ActivityStatus.PLANNED),
                edited);
        assertEquals(edited, plan.activity("town", coaching.id()));
        assertEquals("activity " + coaching.id() + ": title 'Reading coaches at well-child visits' to 'Reading coaches "
                + "at clinics'; description; owner Family Center to Library; goals [1] to [1, 3]; end none to "
                + "2028-06-30", audit.recent("town", 1).get(0).detail());

        int recorded = audit.actions().size();
        assertEquals(edited, plan.editActivity("town", coaching.id(), new ActivitySpec("Reading coaches at clinics",
                "At every well-child visit", "Library", List.of(1, 3), LocalDate.of(2026, 6, 1),
                LocalDate.of(2028, 6, 30)), "chair"));
        assertEquals("nothing changed, nothing recorded", recorded, audit.actions().size());

        // the library now runs both: renaming one to the other's title would count it twice
        ProblemException twice = assertThrows(ProblemException.class, () -> plan.editActivity("town", coaching.id(),
                new ActivitySpec("book fair", null, "Library", List.of(1), LocalDate.of(2026, 6, 1), null), "chair"));
        assertEquals(409, twice.problem().status());
        assertEquals(List.of(new Violation("title", "is activity " + fair.id())), twice.problem().violations());
        ProblemException wrong = assertThrows(ProblemException.class, () -> plan.editActivity("town", coaching.id(),
                new ActivitySpec("Reading coaches", null, "Eastside Trust", List.of(1), LocalDate.of(2026, 6, 1),
                        LocalDate.of(2026, 5, 1)), "chair"));
        assertEquals(List.of("ownerOrganisation", "endOn"), wrong.problem().violations().stream().map(Violation::field)
                .toList());
        assertEquals("refused edits change nothing", edited, plan.activity("town", coaching.id()));
        assertEquals(recorded, audit.actions().size());
        assertEquals(404, assertThrows(ProblemException.class, () -> plan.editActivity("town", 999,
                coaching("Library"), "chair")).problem().status());
    }
}
