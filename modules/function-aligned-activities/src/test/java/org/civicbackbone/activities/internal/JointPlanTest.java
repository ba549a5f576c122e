package org.civicbackbone.activities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicbackbone.activities.internal.JointPlan.Activity;
import org.civicbackbone.activities.internal.JointPlan.ActivityStatus;
import org.civicbackbone.activities.internal.JointPlan.Alignment;
import org.civicbackbone.activities.internal.JointPlan.GroupMember;
import org.civicbackbone.activities.internal.JointPlan.GroupRole;
import org.civicbackbone.activities.internal.JointPlan.Material;
import org.civicbackbone.activities.internal.JointPlan.Meeting;
import org.civicbackbone.activities.internal.JointPlan.Overview;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroup;
import org.civicbackbone.api.agenda.GoalRef;
import org.junit.Test;

public class JointPlanTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final List<GoalRef> GOALS = List.of(new GoalRef(1, "Ready for school", 1, List.of()),
            new GoalRef(2, "Read all year", 1, List.of()), new GoalRef(3, "Attend every day", 1, List.of()));

    private static Activity activity(long id, String owner, ActivityStatus status, Integer... goals) {
        return new Activity(id, "i", "a" + id, null, owner, List.of(goals), START, null, status);
    }

    @Test
    public void gapsOverlapsAndSharesCountActiveActivitiesOnly() {
        Alignment a = PlanReports.alignment("i", List.of(activity(1, "Library", ActivityStatus.UNDERWAY, 1, 2),
                activity(2, "Head Start", ActivityStatus.PLANNED, 1), activity(3, "Library", ActivityStatus.UNDERWAY, 2),
                activity(4, "Clinic", ActivityStatus.DONE, 3), activity(5, "Clinic", ActivityStatus.DROPPED, 3)), GOALS);
        assertTrue(a.goalsKnown());
        assertEquals(List.of("goal 3 'Attend every day'"), a.gaps());
        assertEquals(1, a.overlaps().size());
        assertEquals(1, a.overlaps().get(0).goal());
        assertEquals(List.of("Head Start", "Library"), a.overlaps().get(0).organisations());
        assertEquals("Library", a.shares().get(0).organisation());
        assertEquals(67, a.shares().get(0).percent());
        assertEquals(33, a.shares().get(1).percent());
    }

    @Test
    public void withoutAnAdoptedAgendaGapsAreUnknown() {
        Alignment a = PlanReports.alignment("i", List.of(activity(1, "Library", ActivityStatus.UNDERWAY, 4)), null);
        assertFalse(a.goalsKnown());
        assertEquals(List.of(), a.gaps());
        assertEquals(List.of(), a.unknownGoals());
    }

    @Test
    public void materialsAreDueTheSetNumberOfDaysBeforeAndLateOnesAreFlagged() {
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        Instant held = now.plus(Duration.ofDays(2));
        Instant due = PlanReports.materialsDue(held, 3);
        assertEquals(now.minus(Duration.ofDays(1)), due);
        Meeting upcoming = new Meeting(1, "i", null, "Quarterly", held, "agenda", null, due,
                List.of(new Material(1, "Deck", "https://x", now, now.isAfter(due))), List.of(), null);
        Meeting bare = new Meeting(2, "i", null, "Steering", held, "agenda", null, due, List.of(), List.of(), null);
        WorkingGroup leaderless = new WorkingGroup(1, "i", "Data group", null,
                List.of(new GroupMember(1, "Priya", "Foundation", GroupRole.MEMBER, null, null)), List.of());
        Overview o = PlanReports.overview("i", List.of(), List.of(leaderless), List.of(upcoming, bare), 3,
                PlanReports.alignment("i", List.of(), GOALS), now);
        assertTrue(o.needsAttention().toString(), o.needsAttention().contains("meeting 'Quarterly': 'Deck' went out late"));
        assertTrue(o.needsAttention().toString(), o.needsAttention().stream()
                .anyMatch(s -> s.startsWith("meeting 'Steering': materials were due")));
        assertTrue(o.needsAttention().contains("working group 'Data group' has no co-chair"));
        assertEquals(2, o.upcomingMeetings());
    }
}
