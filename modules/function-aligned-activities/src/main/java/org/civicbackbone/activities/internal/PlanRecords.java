package org.civicbackbone.activities.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.civicbackbone.activities.internal.JointPlan.ActionItem;
import org.civicbackbone.activities.internal.JointPlan.Activity;
import org.civicbackbone.activities.internal.JointPlan.ActivityStatus;
import org.civicbackbone.activities.internal.JointPlan.GroupMember;
import org.civicbackbone.activities.internal.JointPlan.GroupRole;
import org.civicbackbone.activities.internal.JointPlan.Material;
import org.civicbackbone.activities.internal.JointPlan.Meeting;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroup;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;

/** The joint plan's tables through a mapper (ADR 0009): each list is a fixed number of queries, however long. */
public interface PlanRecords {

    /** An activity's row; its goals are rows of their own. */
    record ActivityRow(long id, String title, String description, String ownerOrganisation, LocalDate startOn,
                       LocalDate endOn, ActivityStatus status) {
    }

    /** One goal an activity works on. */
    record ActivityGoal(long activityId, int goalNumber) {
    }

    /** A member of a working group, with the group. */
    record MemberRow(long id, long groupId, String person, String organisation, GroupRole groupRole,
                     LocalDate joinedOn, LocalDate leftOn) {
    }

    /** A working group's row. */
    record GroupRow(long id, String name, String purpose) {
    }

    /** A meeting's row; who came was recorded at {@code attendanceRecordedAt} (none until it was). */
    record MeetingRow(long id, Long groupId, String title, Instant heldAt, String agenda, String minutes,
                      Instant attendanceRecordedAt, Integer guests) {
    }

    /** A membership recorded as present at a meeting. */
    record AttendanceRow(long meetingId, long memberId) {
    }

    /** A material's row, with its meeting. */
    record MaterialRow(long meetingId, long id, String title, String link, Instant sharedAt) {
    }

    /** An action item's row. */
    record ActionRow(long id, long meetingId, String description, String owner, LocalDate dueOn, LocalDate doneOn) {
    }

    @Select("SELECT id, title, description, owner_organisation, start_on, end_on, status FROM aa_activity "
            + "WHERE initiative_id = #{initiativeId} ORDER BY id")
    List<ActivityRow> activityRows(String initiativeId);

    @Select("SELECT g.activity_id, g.goal_number FROM aa_activity_goal g JOIN aa_activity a ON a.id = g.activity_id "
            + "WHERE a.initiative_id = #{initiativeId} ORDER BY g.activity_id, g.goal_number")
    List<ActivityGoal> activityGoals(String initiativeId);

    @Insert("INSERT INTO aa_activity (initiative_id, title, description, owner_organisation, owner_organisation_id, "
            + "start_on, end_on, status, created_by, created_at) VALUES (#{initiativeId}, #{title}, #{description}, "
            + "#{owner}, #{ownerId}, #{startOn}, #{endOn}, #{status}, #{createdBy}, #{createdAt})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertActivity(@Param("key") GeneratedKey key, @Param("initiativeId") String initiativeId,
                        @Param("title") String title, @Param("description") String description,
                        @Param("owner") String owner, @Param("ownerId") long ownerId,
                        @Param("startOn") LocalDate startOn, @Param("endOn") LocalDate endOn,
                        @Param("status") ActivityStatus status, @Param("createdBy") String createdBy,
                        @Param("createdAt") Instant createdAt);

    @Insert("INSERT INTO aa_activity_goal (activity_id, goal_number) VALUES (#{activityId}, #{goalNumber})")
    void insertGoal(@Param("activityId") long activityId, @Param("goalNumber") int goalNumber);

    @Update("UPDATE aa_activity SET title = #{title}, description = #{description}, owner_organisation = #{owner}, "
            + "owner_organisation_id = #{ownerId}, start_on = #{startOn}, end_on = #{endOn} WHERE id = #{id}")
    int updateActivity(@Param("id") long id, @Param("title") String title, @Param("description") String description,
                       @Param("owner") String owner, @Param("ownerId") long ownerId,
                       @Param("startOn") LocalDate startOn, @Param("endOn") LocalDate endOn);

    @Delete("DELETE FROM aa_activity_goal WHERE activity_id = #{activityId}")
    int deleteGoals(long activityId);

    @Update("UPDATE aa_activity SET status = #{status} WHERE id = #{id}")
    int setStatus(@Param("id") long id, @Param("status") ActivityStatus status);

    @Select("SELECT m.id, m.group_id, m.person, m.organisation, m.group_role, m.joined_on, m.left_on FROM aa_group_member m "
            + "JOIN aa_working_group g ON g.id = m.group_id WHERE g.initiative_id = #{initiativeId} ORDER BY m.id")
    List<MemberRow> memberRows(String initiativeId);

    @Select("SELECT id, name, purpose FROM aa_working_group WHERE initiative_id = #{initiativeId} ORDER BY name")
    List<GroupRow> groupRows(String initiativeId);

    @Insert("INSERT INTO aa_working_group (initiative_id, name, purpose) VALUES (#{initiativeId}, #{name}, #{purpose})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertGroup(@Param("key") GeneratedKey key, @Param("initiativeId") String initiativeId,
                     @Param("name") String name, @Param("purpose") String purpose);

    @Update("UPDATE aa_working_group SET name = #{name}, purpose = #{purpose} WHERE id = #{id}")
    int updateGroup(@Param("id") long id, @Param("name") String name, @Param("purpose") String purpose);

    @Insert("INSERT INTO aa_group_member (group_id, person, organisation, organisation_id, group_role, joined_on) "
            + "VALUES (#{groupId}, #{person}, #{organisation}, #{organisationId}, #{role}, #{joinedOn})")
    void insertMember(@Param("groupId") long groupId, @Param("person") String person,
                      @Param("organisation") String organisation, @Param("organisationId") long organisationId,
                      @Param("role") GroupRole role, @Param("joinedOn") LocalDate joinedOn);

    /** A role change of a membership that lasts: 0 rows when it has ended. */
    @Update("UPDATE aa_group_member SET group_role = #{role} WHERE id = #{id} AND left_on IS NULL")
    int setMemberRole(@Param("id") long id, @Param("role") GroupRole role);

    /** Ends a membership that lasts: 0 rows when it has ended already. */
    @Update("UPDATE aa_group_member SET left_on = #{leftOn} WHERE id = #{id} AND left_on IS NULL")
    int endMember(@Param("id") long id, @Param("leftOn") LocalDate leftOn);

    @Select("SELECT materials_days_before FROM aa_setting WHERE initiative_id = #{initiativeId}")
    Integer materialsDaysBefore(String initiativeId);

    @Update("UPDATE aa_setting SET materials_days_before = #{days} WHERE initiative_id = #{initiativeId}")
    int updateSetting(@Param("initiativeId") String initiativeId, @Param("days") int days);

    @Insert("INSERT INTO aa_setting (initiative_id, materials_days_before) VALUES (#{initiativeId}, #{days})")
    void insertSetting(@Param("initiativeId") String initiativeId, @Param("days") int days);

    @Select("SELECT id, group_id, title, held_at, agenda, minutes, attendance_recorded_at, guests FROM aa_meeting "
            + "WHERE initiative_id = #{initiativeId} ORDER BY held_at DESC, id DESC")
    List<MeetingRow> meetingRows(String initiativeId);

    @Select("SELECT id, group_id, title, held_at, agenda, minutes, attendance_recorded_at, guests FROM aa_meeting "
            + "WHERE initiative_id = #{initiativeId} AND id = #{id}")
    MeetingRow meetingOrNull(@Param("initiativeId") String initiativeId, @Param("id") long id);

    /** One meeting's row as it is now, by its key: read under the module's turn, what a rule on a meeting checks. */
    default Optional<MeetingRow> meetingRow(String initiativeId, long id) {
        return Optional.ofNullable(meetingOrNull(initiativeId, id));
    }

    @Select("SELECT a.meeting_id, a.member_id FROM aa_attendance a JOIN aa_meeting g ON g.id = a.meeting_id "
            + "WHERE g.initiative_id = #{initiativeId} ORDER BY a.meeting_id, a.member_id")
    List<AttendanceRow> attendanceRows(String initiativeId);

    @Delete("DELETE FROM aa_attendance WHERE meeting_id = #{meetingId}")
    int clearAttendance(long meetingId);

    @Insert("INSERT INTO aa_attendance (meeting_id, member_id) VALUES (#{meetingId}, #{memberId})")
    void insertAttendee(@Param("meetingId") long meetingId, @Param("memberId") long memberId);

    @Update("UPDATE aa_meeting SET attendance_recorded_at = #{at}, guests = #{guests} WHERE id = #{meetingId}")
    int markAttendanceRecorded(@Param("meetingId") long meetingId, @Param("at") Instant at,
                               @Param("guests") int guests);

    /** The meetings from a moment on in any of these initiatives (distinct ids), soonest first; one statement. */
    @Select("SELECT m.initiative_id, m.title, m.held_at FROM " + BackboneStore.CHOSEN_INITIATIVES + " JOIN aa_meeting m "
            + "ON m.initiative_id = chosen.initiative_id WHERE m.held_at >= #{from} ORDER BY m.held_at, m.id")
    List<ComingMeeting> comingMeetings(@Param("initiativeIds") String[] initiativeIds, @Param("from") Instant from);

    /** The same for one initiative, by equality: on PostgreSQL about half the time of the query above for one id. */
    @Select("SELECT initiative_id, title, held_at FROM aa_meeting WHERE held_at >= #{from} AND initiative_id = "
            + "#{initiativeId} ORDER BY held_at, id")
    List<ComingMeeting> comingMeetingsOf(@Param("initiativeId") String initiativeId, @Param("from") Instant from);

    /** A meeting to come, with its initiative. */
    record ComingMeeting(String initiativeId, String title, Instant heldAt) {
    }

    @Select("SELECT m.meeting_id, m.id, m.title, m.link, m.shared_at FROM aa_material m "
            + "JOIN aa_meeting g ON g.id = m.meeting_id WHERE g.initiative_id = #{initiativeId} ORDER BY m.id")
    List<MaterialRow> materialRows(String initiativeId);

    @Select("SELECT a.id, a.meeting_id, a.description, a.owner, a.due_on, a.done_on FROM aa_action_item a "
            + "JOIN aa_meeting g ON g.id = a.meeting_id WHERE g.initiative_id = #{initiativeId} ORDER BY a.id")
    List<ActionRow> actionRows(String initiativeId);

    @Insert("INSERT INTO aa_meeting (initiative_id, group_id, title, held_at, agenda) "
            + "VALUES (#{initiativeId}, #{groupId}, #{title}, #{heldAt}, #{agenda})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertMeeting(@Param("key") GeneratedKey key, @Param("initiativeId") String initiativeId,
                       @Param("groupId") Long groupId, @Param("title") String title, @Param("heldAt") Instant heldAt,
                       @Param("agenda") String agenda);

    @Update("UPDATE aa_meeting SET group_id = #{groupId}, title = #{title}, held_at = #{heldAt}, agenda = #{agenda} "
            + "WHERE id = #{id}")
    int updateMeeting(@Param("id") long id, @Param("groupId") Long groupId, @Param("title") String title,
                      @Param("heldAt") Instant heldAt, @Param("agenda") String agenda);

    @Insert("INSERT INTO aa_material (meeting_id, title, link, shared_at) "
            + "VALUES (#{meetingId}, #{title}, #{link}, #{sharedAt})")
    void insertMaterial(@Param("meetingId") long meetingId, @Param("title") String title, @Param("link") String link,
                        @Param("sharedAt") Instant sharedAt);

    @Update("UPDATE aa_meeting SET minutes = #{minutes} WHERE id = #{meetingId}")
    int setMinutes(@Param("meetingId") long meetingId, @Param("minutes") String minutes);

    @Insert("INSERT INTO aa_action_item (meeting_id, description, owner, due_on) "
            + "VALUES (#{meetingId}, #{description}, #{owner}, #{dueOn})")
    void insertAction(@Param("meetingId") long meetingId, @Param("description") String description,
                      @Param("owner") String owner, @Param("dueOn") LocalDate dueOn);

    /** Marks an action item done unless it is: 0 when it was. */
    @Update("UPDATE aa_action_item SET description = #{description}, owner = #{owner}, due_on = #{dueOn} "
            + "WHERE id = #{itemId} AND done_on IS NULL")
    int updateAction(@Param("itemId") long itemId, @Param("description") String description,
                     @Param("owner") String owner, @Param("dueOn") LocalDate dueOn);

    @Update("UPDATE aa_action_item SET done_on = #{doneOn} WHERE id = #{itemId} AND done_on IS NULL")
    int markDone(@Param("itemId") long itemId, @Param("doneOn") LocalDate doneOn);

    /** The initiative's activities with their goals: two queries. */
    default List<Activity> activities(String initiativeId) {
        Map<Long, List<Integer>> goals = new LinkedHashMap<>();
        activityGoals(initiativeId).forEach(g -> goals.computeIfAbsent(g.activityId(), k -> new ArrayList<>())
                .add(g.goalNumber()));
        return activityRows(initiativeId).stream().map(r -> new Activity(r.id(), initiativeId, r.title(),
                r.description(), r.ownerOrganisation(), goals.getOrDefault(r.id(), List.of()), r.startOn(), r.endOn(),
                r.status())).toList();
    }

    /** The initiative's working groups with their members, present and former: two queries. */
    default List<WorkingGroup> workingGroups(String initiativeId) {
        Map<Long, List<GroupMember>> members = new LinkedHashMap<>();
        Map<Long, List<GroupMember>> former = new LinkedHashMap<>();
        memberRows(initiativeId).forEach(m -> (m.leftOn() == null ? members : former)
                .computeIfAbsent(m.groupId(), k -> new ArrayList<>()).add(new GroupMember(m.id(), m.person(),
                        m.organisation(), m.groupRole(), m.joinedOn(), m.leftOn())));
        former.values().forEach(list -> list.sort(Comparator.comparing(GroupMember::leftOn).reversed()
                .thenComparing(Comparator.comparingLong(GroupMember::id).reversed())));
        return groupRows(initiativeId).stream().map(g -> new WorkingGroup(g.id(), initiativeId, g.name(), g.purpose(),
                members.getOrDefault(g.id(), List.of()), former.getOrDefault(g.id(), List.of()))).toList();
    }

    /**
     * The initiative's meetings, newest first, with materials (late or not), action items and attendance: five
     * queries.
     */
    default List<Meeting> meetings(String initiativeId, int materialsDaysBefore, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneId.systemDefault());
        Map<Long, List<MaterialRow>> materials = new LinkedHashMap<>();
        materialRows(initiativeId).forEach(m -> materials.computeIfAbsent(m.meetingId(), k -> new ArrayList<>()).add(m));
        Map<Long, List<ActionItem>> actions = new LinkedHashMap<>();
        actionRows(initiativeId).forEach(a -> actions.computeIfAbsent(a.meetingId(), k -> new ArrayList<>())
                .add(new ActionItem(a.id(), a.meetingId(), a.description(), a.owner(), a.dueOn(), a.doneOn(),
                        a.doneOn() == null && a.dueOn().isBefore(today))));
        List<MemberRow> members = memberRows(initiativeId);
        Map<Long, Set<Long>> present = new HashMap<>();
        attendanceRows(initiativeId).forEach(a -> present.computeIfAbsent(a.meetingId(), k -> new HashSet<>())
                .add(a.memberId()));
        return meetingRows(initiativeId).stream().map(m -> {
            Instant due = PlanReports.materialsDue(m.heldAt(), materialsDaysBefore);
            List<Material> of = materials.getOrDefault(m.id(), List.of()).stream().map(x -> new Material(x.id(),
                    x.title(), x.link(), x.sharedAt(), x.sharedAt().isAfter(due))).toList();
            return new Meeting(m.id(), initiativeId, m.groupId(), m.title(), m.heldAt(), m.agenda(), m.minutes(), due,
                    of, actions.getOrDefault(m.id(), List.of()), MeetingAttendance.of(m, members, present, now));
        }).toList();
    }
}
