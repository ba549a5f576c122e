package org.civicbackbone.activities.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicbackbone.activities.internal.JointPlan.Attendance;
import org.civicbackbone.activities.internal.JointPlan.AttendanceSpec;
import org.civicbackbone.activities.internal.JointPlan.Attendee;
import org.civicbackbone.activities.internal.JointPlan.Meeting;
import org.civicbackbone.activities.internal.PlanRecords.MeetingRow;
import org.civicbackbone.activities.internal.PlanRecords.MemberRow;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.audit.RecordEdits;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;

/**
 * Who came to a working group's meetings. A held meeting of a group expects the group's members on its day (who had
 * joined by then and not yet left); staff record who of them came, and may record it again (the whole list each
 * time). A meeting of the whole collaborative has no member list, and one to come has nobody present yet.
 */
record MeetingAttendance(BackboneStore store, AuditLog audit) {

    /** A meeting's attendance as its rows say; none for a meeting of the whole collaborative, or one to come. */
    static Attendance of(MeetingRow meeting, List<MemberRow> memberships, Map<Long, Set<Long>> present, Instant now) {
        if (meeting.groupId() == null || meeting.heldAt().isAfter(now)) {
            return null;
        }
        // the meeting's day anywhere: a membership counts that began by its latest day and ended on its earliest or later
        LocalDate latest = LocalDate.ofInstant(meeting.heldAt(), ZoneOffset.MAX);
        LocalDate earliest = LocalDate.ofInstant(meeting.heldAt(), ZoneOffset.MIN);
        List<MemberRow> ofGroup = memberships.stream().filter(m -> m.groupId() == meeting.groupId()).toList();
        List<Attendee> members = ofGroup.stream()
                .filter(m -> m.joinedOn() == null || !m.joinedOn().isAfter(latest))
                .filter(m -> m.leftOn() == null || !m.leftOn().isBefore(earliest)).map(MeetingAttendance::attendee)
                .toList();
        Set<Long> there = present.getOrDefault(meeting.id(), Set.of());
        boolean recorded = meeting.attendanceRecordedAt() != null;
        return new Attendance(recorded, members, ofGroup.stream().filter(m -> there.contains(m.id()))
                .map(MeetingAttendance::attendee).toList(), recorded ? members.stream()
                .filter(a -> !there.contains(a.memberId())).toList() : List.of(),
                recorded && meeting.guests() != null ? meeting.guests() : 0);
    }

    private static Attendee attendee(MemberRow m) {
        return new Attendee(m.id(), m.person(), m.organisation());
    }

    /**
     * Records who came to a held meeting of a working group, replacing what was recorded: each id a membership of the
     * group on the meeting's day (400 naming {@code present} otherwise). A meeting of the whole collaborative, or one
     * to come, is a 409.
     */
    void record(String initiativeId, Meeting meeting, AttendanceSpec spec, String actor) {
        Attendance attendance = meeting.attendance();
        if (attendance == null) {
            throw new ProblemException(Problem.conflict(meeting.workingGroupId() == null
                    ? "Meeting " + meeting.id() + " is of the whole collaborative: it has no member list to record "
                    + "who came by."
                    : "Meeting " + meeting.id() + " has not been held yet (" + meeting.heldAt() + ")."));
        }
        Set<Long> present = new LinkedHashSet<>(spec.present());
        Set<Long> expected = attendance.members().stream().map(Attendee::memberId).collect(Collectors.toSet());
        List<Long> strangers = present.stream().filter(id -> !expected.contains(id)).toList();
        if (!strangers.isEmpty()) {
            throw ProblemException.invalid("present", strangers.stream().map(String::valueOf)
                    .collect(Collectors.joining(", ", "", strangers.size() == 1 ? " is" : " are"))
                    + " not a membership of the meeting's group on its day (" + (expected.isEmpty()
                    ? "it had no members then" : "those are " + expected.stream().sorted().map(String::valueOf)
                    .collect(Collectors.joining(", "))) + ")");
        }
        store.inTurn(ActivitiesSchema.MODULE, initiativeId, c -> {
            PlanRecords r = store.mapper(c, PlanRecords.class);
            // the members above were those of the meeting's group on its day, as read before this turn
            PlanRecords.MeetingRow now = r.meetingRow(initiativeId, meeting.id())
                    .orElseThrow(RecordEdits.gone("Meeting '" + meeting.title() + "'"));
            if (!now.heldAt().equals(meeting.heldAt()) || !Objects.equals(now.groupId(), meeting.workingGroupId())) {
                throw new ProblemException(Problem.conflict("Meeting " + meeting.id() + " was moved or given to "
                        + "another group while this was sent: read its members again."));
            }
            r.clearAttendance(meeting.id());
            present.forEach(id -> r.insertAttendee(meeting.id(), id));
            int guests = spec.guests() == null ? 0 : spec.guests();
            r.markAttendanceRecorded(meeting.id(), Instant.now(), guests);
            audit.record(c, actor, initiativeId, ActivitiesSchema.MODULE, "meeting.attendance", "meeting "
                    + meeting.id() + " '" + meeting.title() + "': " + present.size() + " of " + expected.size()
                    + " members present" + (guests == 0 ? "" : ", " + guests + " guest(s)"));
            return null;
        });
    }
}
