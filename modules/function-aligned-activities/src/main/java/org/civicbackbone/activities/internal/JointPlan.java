package org.civicbackbone.activities.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The aligned activities function's records: the joint plan of action, working groups, meetings. */
public final class JointPlan {

    private JointPlan() {
    }

    /** Where an activity stands. */
    public enum ActivityStatus {
        PLANNED, UNDERWAY, DONE, STALLED, DROPPED;

        boolean active() {
            return this == PLANNED || this == UNDERWAY || this == STALLED;
        }
    }

    /** An activity owned by a partner organisation, linked to goals of the common agenda by number. */
    public record Activity(long id, String initiativeId, String title, String description, String ownerOrganisation,
                           List<Integer> goalNumbers, LocalDate startOn, LocalDate endOn, ActivityStatus status) {
        public Activity {
            goalNumbers = List.copyOf(goalNumbers);
        }
    }

    /** An activity to add to the plan, or what one already in it becomes when edited. */
    public record ActivitySpec(@NotBlank @Size(max = 300) String title, @Size(max = 4000) String description,
                               @NotBlank @Size(max = 200) String ownerOrganisation,
                               @NotNull @Size(max = 20) List<@NotNull @Min(1) @Max(99) Integer> goalNumbers,
                               @NotNull LocalDate startOn, LocalDate endOn) {
    }

    /** A status change. */
    public record StatusSpec(@NotNull ActivityStatus status) {
    }

    /** A role in a working group. */
    public enum GroupRole {
        CO_CHAIR, MEMBER
    }

    /**
     * A membership of a working group; the id names it, to change its role or end it. It began on {@code joinedOn}
     * (none when it began before the platform kept that day) and ended on {@code leftOn} (none while it lasts).
     */
    public record GroupMember(long id, String person, String organisation, GroupRole role, LocalDate joinedOn,
                              LocalDate leftOn) {
    }

    /** A member's role in their group from now on. */
    public record MemberRoleSpec(@NotNull GroupRole role) {
    }

    /** A member to add, who joined on {@code joinedOn} (today when none is given). */
    public record GroupMemberSpec(@NotBlank @Size(max = 200) String person, @NotBlank @Size(max = 200) String organisation,
                                  @NotNull GroupRole role, LocalDate joinedOn) {
    }

    /**
     * A working group: cross-sector, usually led by co-chairs. Its members are those in it now; its former members,
     * the memberships that ended, most recent first, so that who worked on what stays known.
     */
    public record WorkingGroup(long id, String initiativeId, String name, String purpose, List<GroupMember> members,
                               List<GroupMember> formerMembers) {
        public WorkingGroup {
            members = List.copyOf(members);
            formerMembers = List.copyOf(formerMembers);
        }
    }

    /** A working group to form. */
    public record WorkingGroupSpec(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String purpose) {
    }

    /** Material sent for a meeting; late when sent after the initiative's "materials out early" limit. */
    public record Material(long id, String title, String link, Instant sharedAt, boolean late) {
    }

    /** A material to send: a web address that partners open from the console (never {@code javascript:} or a file path). */
    public record MaterialSpec(@NotBlank @Size(max = 300) String title,
                               @NotBlank @Size(max = 1000) @Pattern(regexp = "(?i)https?://\\S+",
                                       message = "must be a web address starting with http:// or https://") String link) {
    }

    /** Something a meeting asked someone to do. */
    public record ActionItem(long id, long meetingId, String description, String owner, LocalDate dueOn,
                             LocalDate doneOn, boolean overdue) {
    }

    /** An action item to record. */
    public record ActionItemSpec(@NotBlank @Size(max = 1000) String description, @NotBlank @Size(max = 200) String owner,
                                 @NotNull LocalDate dueOn) {
    }

    /** Someone a working group's meeting expected, or who came: a membership of the group. */
    public record Attendee(long memberId, String person, String organisation) {
    }

    /**
     * Who a held meeting of a working group expected and who came.
     *
     * @param recorded whether who came has been recorded; until it is, nobody is present or absent
     * @param members  the group's members on the meeting's day
     * @param present  those recorded as there
     * @param absent   the members not recorded as there, once it is recorded
     * @param guests   how many others came (guests, community members), once it is recorded
     */
    public record Attendance(boolean recorded, List<Attendee> members, List<Attendee> present, List<Attendee> absent,
                             int guests) {
        public Attendance {
            members = List.copyOf(members);
            present = List.copyOf(present);
            absent = List.copyOf(absent);
        }
    }

    /**
     * Who came to a held meeting, by their memberships' ids, and how many others came (none when not given): the whole
     * record, replacing what was recorded.
     */
    public record AttendanceSpec(@NotNull List<@NotNull Long> present, @Min(0) @Max(100000) Integer guests) {

        /** Members only, nobody else. */
        public AttendanceSpec(List<Long> present) {
            this(present, null);
        }
    }

    /**
     * A meeting of the initiative or one of its working groups.
     *
     * @param materialsDue when materials are due, by the initiative's rule
     * @param attendance   for a held meeting of a working group, who it expected and who came; none otherwise
     */
    public record Meeting(long id, String initiativeId, Long workingGroupId, String title, Instant heldAt,
                          String agenda, String minutes, Instant materialsDue, List<Material> materials,
                          List<ActionItem> actionItems, Attendance attendance) {
        public Meeting {
            materials = List.copyOf(materials);
            actionItems = List.copyOf(actionItems);
        }
    }

    /** A meeting to schedule. */
    public record MeetingSpec(Long workingGroupId, @NotBlank @Size(max = 300) String title, @NotNull Instant heldAt,
                              @NotBlank @Size(max = 10000) String agenda) {
    }

    /** The minutes of a held meeting. */
    public record MinutesSpec(@NotBlank @Size(max = 50000) String minutes) {
    }

    /** The initiative's rules for meetings. */
    public record Settings(@NotNull @Min(0) @Max(60) Integer materialsDaysBefore) {
    }

    /** Several partners working on one goal. */
    public record Overlap(int goal, String goalTitle, List<String> organisations, List<Long> activityIds) {
    }

    /** A partner's share of the plan's active activities. */
    public record Share(String organisation, int activities, int percent) {
    }

    /**
     * The alignment view.
     *
     * @param goalsKnown false when the vision and strategy module (or an adopted agenda) is missing: gaps unknown
     */
    public record Alignment(String initiativeId, boolean goalsKnown, List<String> gaps, List<Overlap> overlaps,
                            List<Share> shares, List<Integer> unknownGoals) {
    }

    /** What {@code GET .../aligned-activities} answers. */
    public record Overview(String initiativeId, java.util.Map<ActivityStatus, Long> activities, int workingGroups,
                           int upcomingMeetings, int openActionItems, int materialsDaysBefore, Alignment alignment,
                           List<String> needsAttention) {
    }
}
