package org.civicbackbone.activities.internal;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.civicbackbone.activities.internal.JointPlan.ActionItemSpec;
import org.civicbackbone.activities.internal.JointPlan.Activity;
import org.civicbackbone.activities.internal.JointPlan.ActivitySpec;
import org.civicbackbone.activities.internal.JointPlan.Alignment;
import org.civicbackbone.activities.internal.JointPlan.AttendanceSpec;
import org.civicbackbone.activities.internal.JointPlan.GroupMemberSpec;
import org.civicbackbone.activities.internal.JointPlan.MaterialSpec;
import org.civicbackbone.activities.internal.JointPlan.Meeting;
import org.civicbackbone.activities.internal.JointPlan.MeetingSpec;
import org.civicbackbone.activities.internal.JointPlan.MemberRoleSpec;
import org.civicbackbone.activities.internal.JointPlan.MinutesSpec;
import org.civicbackbone.activities.internal.JointPlan.Overview;
import org.civicbackbone.activities.internal.JointPlan.Settings;
import org.civicbackbone.activities.internal.JointPlan.StatusSpec;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroup;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroupSpec;
import org.civicbackbone.api.agenda.GoalCatalogue;
import org.civicbackbone.api.agenda.GoalRef;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.audit.RecordEdits;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.module.FunctionDescriptor;
import org.civicbackbone.api.module.FunctionKind;
import org.civicbackbone.api.module.FunctionRules;
import org.civicbackbone.api.problem.InputValidator;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Supporting aligned activities: the joint plan of action (activities owned by partners of the organisation
 * registry, linked to goals of the adopted common agenda), working groups with co-chairs, meetings ({@link Meetings})
 * and the alignment view ({@link PlanReports}): goals nobody works on, goals several partners work on, and each
 * partner's share.
 */
@Component(service = AlignedActivities.class)
public class AlignedActivities extends FunctionRules {

    static final String FUNCTION_ID = "aligned-activities";

    /** What the function says about itself: the platform lists it by this. */
    static final FunctionDescriptor DESCRIPTOR = new FunctionDescriptor(FUNCTION_ID, "Aligned activities",
            FunctionKind.ALIGNED_ACTIVITIES,
            "Support aligned activities: the joint plan of action owned by partners and linked to goals, working "
            + "groups with co-chairs, meetings with materials out early, minutes and action items, and gaps and "
            + "overlaps.");

    private final OrganisationRegistry organisations;
    private final Meetings meetings;
    private final WorkingGroups groups;
    private final Activities activities;
    private final MeetingAttendance attendance;

    // optional and dynamic: vision and strategy may come and go while this module runs
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile GoalCatalogue goalCatalogue;

    @Activate
    public AlignedActivities(@Reference BackboneStore store, @Reference AuditLog audit,
                             @Reference InitiativeService initiatives, @Reference InputValidator validator,
                             @Reference OrganisationRegistry organisations) {
        super(DESCRIPTOR, ActivitiesSchema.MODULE, ActivitiesSchema.MIGRATIONS, store, audit, initiatives, validator);
        this.organisations = organisations;
        RecordEdits<PlanRecords> edits = new RecordEdits<>(store, audit, ActivitiesSchema.MODULE, PlanRecords.class);
        this.meetings = new Meetings(store, audit, edits);
        this.groups = new WorkingGroups(store, audit, edits, organisations);
        this.activities = new Activities(store, audit, edits, organisations);
        this.attendance = new MeetingAttendance(store, audit);
    }

    private <T> T read(Function<PlanRecords, T> query) {
        return store.read(c -> query.apply(store.mapper(c, PlanRecords.class)));
    }

    // ---- activities

    public List<Activity> activities(String initiativeId) {
        requireInUse(initiativeId);
        return read(r -> r.activities(initiativeId));
    }

    /** The activity of that title as it is in the caller's transaction, held there until it commits. */
    public Optional<Activity> heldActivity(Connection c, String initiativeId, String title) {
        return activities.held(c, initiativeId, title);
    }

    public Activity activity(String initiativeId, long id) {
        return activities(initiativeId).stream().filter(a -> a.id() == id).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no activity " + id + ".")));
    }

    /**
     * Adds an activity: its owner is an organisation of the registry (named by any of its names or aliases), and its
     * goal numbers are checked against the adopted agenda when it is known.
     */
    public Activity addActivity(String initiativeId, ActivitySpec spec, String actor) {
        requireValidInUse(initiativeId, spec);
        Organisation owner = organisations.resolve(initiativeId, spec.ownerOrganisation()).orElse(null);
        return activity(initiativeId, activities.add(initiativeId, spec, owner, goals(initiativeId), actor));
    }

    /**
     * Changes an activity to what {@code spec} says, checked as one being added is; the same activity when nothing
     * changes.
     */
    public Activity editActivity(String initiativeId, long id, ActivitySpec spec, String actor) {
        validator.validate(spec);
        Activity activity = activity(initiativeId, id);
        Organisation owner = organisations.resolve(initiativeId, spec.ownerOrganisation()).orElse(null);
        return activities.edit(initiativeId, activity, spec, owner, goals(initiativeId), actor)
                ? activity(initiativeId, id) : activity;
    }

    public Activity setStatus(String initiativeId, long id, StatusSpec spec, String actor) {
        validator.validate(spec);
        activities.setStatus(initiativeId, activity(initiativeId, id), spec, actor);
        return activity(initiativeId, id);
    }

    // ---- working groups

    public List<WorkingGroup> workingGroups(String initiativeId) {
        requireInUse(initiativeId);
        return groups.all(initiativeId);
    }

    public WorkingGroup workingGroup(String initiativeId, long id) {
        requireInUse(initiativeId);
        return groups.one(initiativeId, id);
    }

    public WorkingGroup formGroup(String initiativeId, WorkingGroupSpec spec, String actor) {
        requireValidInUse(initiativeId, spec);
        return groups.form(initiativeId, spec, actor);
    }

    public WorkingGroup changeGroup(String initiativeId, long groupId, WorkingGroupSpec spec, String actor) {
        requireValidInUse(initiativeId, spec);
        return groups.change(initiativeId, groupId, spec, actor);
    }

    public WorkingGroup addGroupMember(String initiativeId, long groupId, GroupMemberSpec spec, String actor) {
        requireValidInUse(initiativeId, spec);
        return groups.addMember(initiativeId, groupId, spec, actor);
    }

    public WorkingGroup changeMemberRole(String initiativeId, long groupId, long memberId, MemberRoleSpec spec,
                                         String actor) {
        requireValidInUse(initiativeId, spec);
        return groups.changeRole(initiativeId, groupId, memberId, spec, actor);
    }

    /** Ends a membership on {@code leftOn}, today when null; the group as it is then. */
    public WorkingGroup endGroupMembership(String initiativeId, long groupId, long memberId, LocalDate leftOn,
                                           String actor) {
        requireInUse(initiativeId);
        return groups.endMembership(initiativeId, groupId, memberId, leftOn, actor);
    }

    // ---- settings and meetings

    public Settings settings(String initiativeId) {
        requireInUse(initiativeId);
        return meetings.settings(initiativeId);
    }

    public Settings setSettings(String initiativeId, Settings spec, String actor) {
        requireValidInUse(initiativeId, spec);
        meetings.setSettings(initiativeId, spec, actor);
        return settings(initiativeId);
    }

    public List<Meeting> meetings(String initiativeId) {
        return meetings.meetings(initiativeId, settings(initiativeId).materialsDaysBefore());
    }

    public Meeting meeting(String initiativeId, long id) {
        return meetings.meeting(initiativeId, id, settings(initiativeId).materialsDaysBefore());
    }

    /** Records who came to a held meeting of a working group, replacing what was recorded; the meeting then. */
    public Meeting recordAttendance(String initiativeId, long meetingId, AttendanceSpec spec, String actor) {
        validator.validate(spec);
        attendance.record(initiativeId, meeting(initiativeId, meetingId), spec, actor);
        return meeting(initiativeId, meetingId);
    }

    public Meeting schedule(String initiativeId, MeetingSpec spec, String actor) {
        checkMeeting(initiativeId, spec);
        return meeting(initiativeId, meetings.schedule(initiativeId, spec, actor));
    }

    /** Moves a meeting, retitles it or revises its agenda; the same meeting when nothing changes. */
    public Meeting changeMeeting(String initiativeId, long meetingId, MeetingSpec spec, String actor) {
        checkMeeting(initiativeId, spec);
        Meeting meeting = meeting(initiativeId, meetingId);
        return meetings.change(initiativeId, meeting, spec, actor) ? meeting(initiativeId, meetingId) : meeting;
    }

    private void checkMeeting(String initiativeId, MeetingSpec spec) {
        validator.validate(spec);
        if (spec.workingGroupId() != null && workingGroups(initiativeId).stream().noneMatch(g -> g.id() == spec.workingGroupId())) {
            throw ProblemException.invalid("workingGroupId", "initiative '" + initiativeId + "' has no working group "
                    + spec.workingGroupId());
        }
        requireInUse(initiativeId);
    }

    /** Sends material for a meeting; material after the limit is kept and flagged late. */
    public Meeting addMaterial(String initiativeId, long meetingId, MaterialSpec spec, String actor) {
        validator.validate(spec);
        meetings.addMaterial(initiativeId, meeting(initiativeId, meetingId), spec, actor);
        return meeting(initiativeId, meetingId);
    }

    public Meeting recordMinutes(String initiativeId, long meetingId, MinutesSpec spec, String actor) {
        validator.validate(spec);
        meetings.recordMinutes(initiativeId, meeting(initiativeId, meetingId), spec, actor);
        return meeting(initiativeId, meetingId);
    }

    public Meeting addActionItem(String initiativeId, long meetingId, ActionItemSpec spec, String actor) {
        validator.validate(spec);
        meetings.addActionItem(initiativeId, meeting(initiativeId, meetingId), spec, actor);
        return meeting(initiativeId, meetingId);
    }

    public Meeting changeActionItem(String initiativeId, long meetingId, long itemId, ActionItemSpec spec,
                                    String actor) {
        validator.validate(spec);
        meetings.changeActionItem(initiativeId, meeting(initiativeId, meetingId), itemId, spec, actor);
        return meeting(initiativeId, meetingId);
    }

    public Meeting completeActionItem(String initiativeId, long meetingId, long itemId, String actor) {
        meetings.completeActionItem(initiativeId, meeting(initiativeId, meetingId), itemId, actor);
        return meeting(initiativeId, meetingId);
    }

    // ---- alignment and overview (the CSV exports are PlanReports' of the lists)

    /** The adopted agenda's goals, or null when the vision and strategy module is not installed. */
    private List<GoalRef> goals(String initiativeId) {
        GoalCatalogue catalogue = goalCatalogue;
        return catalogue == null ? null : catalogue.adoptedGoals(initiativeId);
    }

    public Alignment alignment(String initiativeId) {
        return PlanReports.alignment(initiativeId, activities(initiativeId), goals(initiativeId));
    }

    public Overview overview(String initiativeId) {
        List<Activity> activities = activities(initiativeId);
        return PlanReports.overview(initiativeId, activities, workingGroups(initiativeId), meetings(initiativeId),
                settings(initiativeId).materialsDaysBefore(), PlanReports.alignment(initiativeId, activities,
                        goals(initiativeId)), Instant.now());
    }
}
