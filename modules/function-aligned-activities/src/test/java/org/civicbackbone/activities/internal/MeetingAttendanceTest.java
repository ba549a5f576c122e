package org.civicbackbone.activities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicbackbone.activities.internal.JointPlan.Attendance;
import org.civicbackbone.activities.internal.JointPlan.AttendanceSpec;
import org.civicbackbone.activities.internal.JointPlan.Attendee;
import org.civicbackbone.activities.internal.JointPlan.GroupMember;
import org.civicbackbone.activities.internal.JointPlan.GroupMemberSpec;
import org.civicbackbone.activities.internal.JointPlan.GroupRole;
import org.civicbackbone.activities.internal.JointPlan.Meeting;
import org.civicbackbone.activities.internal.JointPlan.MeetingSpec;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroupSpec;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.testkit.RecordingAuditLog;
import org.junit.Test;

/** Who came to a working group's meetings, through the function's rules on a real (in-memory) database. */
public class MeetingAttendanceTest {

    private final TownPlan town = TownPlan.with("Library", "Head Start");
    private final AlignedActivities plan = town.plan();
    private final long group = plan.formGroup("town", new WorkingGroupSpec("Early learning", "readiness"), "staff").id();
    private final Map<String, Long> ids;

    public MeetingAttendanceTest() {
        LocalDate january = LocalDate.of(2026, 1, 5);
        join("Ann", january);
        join("Ben", january);
        join("Cal", LocalDate.of(2026, 3, 1));
        join("Dee", january);
        ids = plan.workingGroup("town", group).members().stream()
                .collect(Collectors.toMap(GroupMember::person, GroupMember::id));
        plan.endGroupMembership("town", group, ids.get("Dee"), LocalDate.of(2026, 2, 15), "staff");
    }

    private void join(String person, LocalDate on) {
        plan.addGroupMember("town", group, new GroupMemberSpec(person, "Library", GroupRole.MEMBER, on), "staff");
    }

    private Meeting held(String title, String at) {
        return plan.schedule("town", new MeetingSpec(group, title, Instant.parse(at), "1. Progress"), "staff");
    }

    private List<String> people(List<Attendee> attendees) {
        return attendees.stream().map(Attendee::person).toList();
    }

    private AttendanceSpec present(String... people) {
        return new AttendanceSpec(List.of(people).stream().map(ids::get).toList());
    }

    /**
     * Who came, sent while the meeting is given to another group: the request read the first group's members, so it
     * is refused (409) rather than recording them as the other group's attendance.
     */
    @Test
    public void attendanceReadBeforeTheMeetingWentToAnotherGroupIsRefused() {
        long other = plan.formGroup("town", new WorkingGroupSpec("Health", "screening"), "staff").id();
        Meeting read = held("February", "2026-02-01T17:00:00Z");
        plan.changeMeeting("town", read.id(), new MeetingSpec(other, "February", read.heldAt(), "1. Progress"),
                "staff");
        MeetingAttendance racing = new MeetingAttendance(plan.store(), town.audit());
        assertEquals(409, assertThrows(ProblemException.class, () -> racing.record("town", read, present("Ann"),
                "staff")).problem().status());
        assertFalse(plan.meeting("town", read.id()).attendance().recorded());
    }

    /**
     * A held meeting expects the group's members on its day (joined by then, not yet left); who came is recorded from
     * them, and recorded again replaces the list. A stranger to that list changes nothing.
     */
    @Test
    public void aHeldMeetingExpectsItsGroupsMembersOnItsDayAndRecordsWhoCame() {
        Meeting february = held("February", "2026-02-01T17:00:00Z");
        Attendance unrecorded = february.attendance();
        assertFalse(unrecorded.recorded());
        assertEquals("Cal joined in March; Dee left after February", List.of("Ann", "Ben", "Dee"),
                people(unrecorded.members()));
        assertEquals(List.of(), unrecorded.absent());

        Attendance recorded = plan.recordAttendance("town", february.id(), present("Ann", "Dee", "Ann"), "staff")
                .attendance();
        assertTrue(recorded.recorded());
        assertEquals(List.of("Ann", "Dee"), people(recorded.present()));
        assertEquals(List.of("Ben"), people(recorded.absent()));
        RecordingAuditLog audit = town.audit();
        assertEquals("meeting " + february.id() + " 'February': 2 of 3 members present",
                audit.recent("town", 1).get(0).detail());

        ProblemException stranger = assertThrows(ProblemException.class, () -> plan.recordAttendance("town",
                february.id(), present("Ben", "Cal"), "staff"));
        assertEquals(List.of(new Violation("present", ids.get("Cal") + " is not a membership of the meeting's group on "
                + "its day (those are " + ids.get("Ann") + ", " + ids.get("Ben") + ", " + ids.get("Dee") + ")")),
                stranger.problem().violations());
        assertEquals("refused: nothing changed", recorded, plan.meeting("town", february.id()).attendance());

        assertEquals("no guests when none are given", 0, recorded.guests());
        Attendance again = plan.recordAttendance("town", february.id(), new AttendanceSpec(List.of(ids.get("Ben")), 4),
                "staff").attendance();
        assertEquals(List.of("Ben"), people(again.present()));
        assertEquals(List.of("Ann", "Dee"), people(again.absent()));
        assertEquals("others who came, beside the members", 4, again.guests());
        assertEquals("meeting " + february.id() + " 'February': 1 of 3 members present, 4 guest(s)",
                audit.recent("town", 1).get(0).detail());

        held("March, not recorded", "2026-03-10T17:00:00Z");
        String at = february.heldAt().toString();
        assertEquals("a row per member expected, of the meetings recorded", List.of(
                "meeting,meeting_title,held_at,working_group,member,person,organisation,present,guests",
                february.id() + ",February," + at + ",Early learning," + ids.get("Ann") + ",Ann,Library,no,4",
                february.id() + ",February," + at + ",Early learning," + ids.get("Ben") + ",Ben,Library,yes,4",
                february.id() + ",February," + at + ",Early learning," + ids.get("Dee") + ",Dee,Library,no,4"),
                PlanReports.attendance(plan.meetings("town"), plan.workingGroups("town")).lines().toList());
    }

    /** Only a held meeting of a working group has a member list to record who came by. */
    @Test
    public void aMeetingToComeOrOfTheWholeCollaborativeHasNoAttendance() {
        Meeting everyone = plan.schedule("town", new MeetingSpec(null, "Partners", Instant.parse("2026-02-01T17:00:00Z"),
                "1. Budget"), "staff");
        Meeting coming = held("Next", Instant.now().plusSeconds(86_400 * 7).toString());
        for (Meeting m : List.of(everyone, coming)) {
            assertNull(m.attendance());
            assertEquals(409, assertThrows(ProblemException.class, () -> plan.recordAttendance("town", m.id(),
                    present("Ann"), "staff")).problem().status());
        }
    }

    /** A meeting whose attendance is recorded was held by its group: it stays in the past and stays the group's. */
    @Test
    public void aMeetingWithItsAttendanceRecordedStaysHeldAndItsGroups() {
        Meeting march = held("March", "2026-03-10T17:00:00Z");
        plan.recordAttendance("town", march.id(), present("Ann"), "staff");
        long other = plan.formGroup("town", new WorkingGroupSpec("Attendance", null), "staff").id();
        ProblemException regrouped = assertThrows(ProblemException.class, () -> plan.changeMeeting("town", march.id(),
                new MeetingSpec(other, "March", march.heldAt(), "1. Progress"), "staff"));
        assertEquals(409, regrouped.problem().status());
        assertEquals("workingGroupId", regrouped.problem().violations().get(0).field());
        ProblemException later = assertThrows(ProblemException.class, () -> plan.changeMeeting("town", march.id(),
                new MeetingSpec(group, "March", Instant.now().plusSeconds(86_400), "1. Progress"), "staff"));
        assertEquals("heldAt", later.problem().violations().get(0).field());
        assertEquals("retitled, it keeps who came", List.of("Ann"), people(plan.changeMeeting("town", march.id(),
                new MeetingSpec(group, "March meeting", march.heldAt(), "1. Progress"), "staff").attendance().present()));
    }

    /** A member who missed the group's last three meetings they were expected at needs a co-chair's attention. */
    @Test
    public void aMemberWhoMissedTheLastThreeMeetingsNeedsAttention() {
        String ben = "working group 'Early learning': Ben missed its last 3 meetings";
        long february = held("February", "2026-02-01T17:00:00Z").id();
        plan.recordAttendance("town", february, present("Ann"), "staff");
        long march = held("March", "2026-03-10T17:00:00Z").id();
        plan.recordAttendance("town", march, present("Ann", "Cal"), "staff");
        held("April, not recorded", "2026-04-10T17:00:00Z");
        assertFalse("two recorded misses are not three", plan.overview("town").needsAttention().contains(ben));
        long may = held("May", "2026-05-10T17:00:00Z").id();
        plan.recordAttendance("town", may, present("Ann", "Cal"), "staff");
        List<String> attention = plan.overview("town").needsAttention();
        assertTrue(attention.toString(), attention.contains(ben));
        assertEquals("Cal came; Dee has left", 1, attention.stream().filter(a -> a.contains("missed")).count());

        plan.recordAttendance("town", may, present("Ann", "Ben", "Cal"), "staff");
        assertFalse(plan.overview("town").needsAttention().contains(ben));
    }
}
