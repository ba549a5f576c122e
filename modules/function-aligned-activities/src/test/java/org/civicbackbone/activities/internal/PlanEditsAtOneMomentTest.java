package org.civicbackbone.activities.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicbackbone.activities.internal.JointPlan.Activity;
import org.civicbackbone.activities.internal.JointPlan.ActionItemSpec;
import org.civicbackbone.activities.internal.JointPlan.ActivitySpec;
import org.civicbackbone.activities.internal.JointPlan.ActivityStatus;
import org.civicbackbone.activities.internal.JointPlan.GroupMemberSpec;
import org.civicbackbone.activities.internal.JointPlan.GroupRole;
import org.civicbackbone.activities.internal.JointPlan.Meeting;
import org.civicbackbone.activities.internal.JointPlan.MeetingSpec;
import org.civicbackbone.activities.internal.JointPlan.MemberRoleSpec;
import org.civicbackbone.activities.internal.JointPlan.StatusSpec;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroup;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroupSpec;
import org.civicbackbone.api.audit.AuditQuery;
import org.civicbackbone.testkit.SameMoment;
import org.junit.Test;

/**
 * One edit sent eight times at one moment (a double click, a client's retry): each is compared with the record as the
 * one before it left it, so all are served and the audit log says what changed once, from what it really was. Before,
 * each compared with what it had read before its turn, and over HTTP on PostgreSQL an activity's edit was logged
 * seven times.
 */
public class PlanEditsAtOneMomentTest {

    private final TownPlan town = TownPlan.with("Library");
    private final AlignedActivities plan = town.plan();

    @Test
    public void anActivityEditedEightTimesAtOnceIsLoggedOnce() {
        Activity activity = plan.addActivity("town", new ActivitySpec("Summer reading", null, "Library", List.of(),
                LocalDate.of(2026, 6, 1), null), "staff");
        ActivitySpec later = new ActivitySpec("Summer reading", "every branch", "Library", List.of(),
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 31));
        assertEquals(8, SameMoment.run(8, i -> plan.editActivity("town", activity.id(), later, "staff")).served());
        assertEquals(List.of("activity " + activity.id() + ": description; end none to 2026-08-31"),
                logged("activity.edit"));
    }

    /** A status set eight times at once: written and logged once, from the status it had (before: eight entries). */
    @Test
    public void anActivityStartedEightTimesAtOnceIsLoggedOnce() {
        Activity activity = plan.addActivity("town", new ActivitySpec("Book fair", null, "Library", List.of(),
                LocalDate.of(2026, 6, 1), null), "staff");
        assertEquals(8, SameMoment.run(8, i -> plan.setStatus("town", activity.id(),
                new StatusSpec(ActivityStatus.UNDERWAY), "staff")).served());
        assertEquals(List.of("activity " + activity.id() + ": status PLANNED to UNDERWAY"), logged("activity.status"));
        assertEquals(ActivityStatus.UNDERWAY, plan.activity("town", activity.id()).status());
    }

    /** Co-chairs rotating, the rotation sent eight times at once: made and logged once (before: eight entries). */
    @Test
    public void aRoleChangedEightTimesAtOnceIsLoggedOnce() {
        WorkingGroup group = plan.formGroup("town", new WorkingGroupSpec("Attendance", null), "staff");
        long ben = plan.addGroupMember("town", group.id(), new GroupMemberSpec("Ben", "Library", GroupRole.MEMBER,
                null), "staff").members().get(0).id();
        assertEquals(8, SameMoment.run(8, i -> plan.changeMemberRole("town", group.id(), ben,
                new MemberRoleSpec(GroupRole.CO_CHAIR), "staff")).served());
        assertEquals(List.of("Ben in 'Attendance': role MEMBER to CO_CHAIR"), logged("group.role"));
    }

    @Test
    public void aGroupRenamedEightTimesAtOnceIsLoggedOnce() {
        WorkingGroup group = plan.formGroup("town", new WorkingGroupSpec("Early learning", null), "staff");
        WorkingGroupSpec renamed = new WorkingGroupSpec("Early literacy", null);
        assertEquals(8, SameMoment.run(8, i -> plan.changeGroup("town", group.id(), renamed, "staff")).served());
        assertEquals(List.of("working group " + group.id() + ": name 'Early learning' to 'Early literacy'"),
                logged("group.change"));
    }

    @Test
    public void aMeetingAndAnActionItemChangedEightTimesAtOnceAreLoggedOnce() {
        Instant at = Instant.parse("2027-01-10T17:00:00Z");
        Meeting meeting = plan.schedule("town", new MeetingSpec(null, "January", at, "1. Pilot"), "staff");
        MeetingSpec retitled = new MeetingSpec(null, "January partners' meeting", at, "1. Pilot");
        assertEquals(8, SameMoment.run(8, i -> plan.changeMeeting("town", meeting.id(), retitled, "staff")).served());
        assertEquals(List.of("meeting " + meeting.id() + ": title 'January' to 'January partners' meeting'"),
                logged("meeting.change"));

        LocalDate due = LocalDate.of(2027, 2, 1);
        long item = plan.addActionItem("town", meeting.id(), new ActionItemSpec("Send the data", "Ann", due), "staff")
                .actionItems().get(0).id();
        ActionItemSpec handedOver = new ActionItemSpec("Send the data", "Ben", due);
        assertEquals(8, SameMoment.run(8, i -> plan.changeActionItem("town", meeting.id(), item, handedOver, "staff"))
                .served());
        assertEquals(List.of("action item " + item + ": owner Ann to Ben"), logged("meeting.action.change"));
    }

    private List<String> logged(String action) {
        return town.audit().find(new AuditQuery(null, null, null, null, null, null, null, Integer.MAX_VALUE)).stream()
                .filter(e -> e.action().equals(action)).map(e -> e.detail()).toList();
    }
}
