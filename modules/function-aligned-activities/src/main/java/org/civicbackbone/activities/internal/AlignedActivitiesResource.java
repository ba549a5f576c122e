package org.civicbackbone.activities.internal;

import static org.civicbackbone.api.rest.Answers.CSV;
import static org.civicbackbone.api.rest.Answers.actor;
import static org.civicbackbone.api.rest.Answers.created;
import static org.civicbackbone.api.rest.Answers.csv;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.civicbackbone.activities.internal.JointPlan.Activity;
import org.civicbackbone.activities.internal.JointPlan.ActivitySpec;
import org.civicbackbone.activities.internal.JointPlan.Alignment;
import org.civicbackbone.activities.internal.JointPlan.GroupMemberSpec;
import org.civicbackbone.activities.internal.JointPlan.MemberRoleSpec;
import org.civicbackbone.activities.internal.JointPlan.Overview;
import org.civicbackbone.activities.internal.JointPlan.Settings;
import org.civicbackbone.activities.internal.JointPlan.StatusSpec;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroup;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroupSpec;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.QueryParameters;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** REST of the aligned activities function under {@code /api/v1/initiatives/{id}/aligned-activities}. */
@Component(service = AlignedActivitiesResource.class)
@ApiResource
@Path(RestExtensions.INITIATIVE + AlignedActivities.FUNCTION_ID)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlignedActivitiesResource {

    private final AlignedActivities plan;

    @Activate
    public AlignedActivitiesResource(@Reference AlignedActivities plan) {
        this.plan = plan;
    }

    @GET
    @Allow(Audience.READERS)
    public Overview overview(@PathParam("initiativeId") String initiativeId) {
        return plan.overview(initiativeId);
    }

    /** Goals nobody works on, goals several partners work on, and each partner's share. */
    @GET
    @Allow(Audience.READERS)
    @Path("alignment")
    public Alignment alignment(@PathParam("initiativeId") String initiativeId) {
        return plan.alignment(initiativeId);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("activities")
    public List<Activity> activities(@PathParam("initiativeId") String initiativeId) {
        return plan.activities(initiativeId);
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("activities")
    public Response addActivity(@PathParam("initiativeId") String initiativeId, ActivitySpec spec,
                                @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, plan.addActivity(initiativeId, spec, actor(security)), Activity::id);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("activities/export")
    @Produces(CSV)
    public Response exportActivities(@PathParam("initiativeId") String initiativeId) {
        return csv(PlanReports.activities(plan.activities(initiativeId)), initiativeId + "-activities.csv");
    }

    @GET
    @Allow(Audience.READERS)
    @Path("activities/{id}")
    public Activity activity(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id) {
        return plan.activity(initiativeId, id);
    }

    /** The activity as it should be now: the same fields as when it was added, checked the same way. */
    @PUT
    @Allow(Audience.CONTRIBUTORS)
    @Path("activities/{id}")
    public Activity editActivity(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id,
                                 ActivitySpec spec, @Context SecurityContext security) {
        return plan.editActivity(initiativeId, id, spec, actor(security));
    }

    @PUT
    @Allow(Audience.CONTRIBUTORS)
    @Path("activities/{id}/status")
    public Activity status(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id, StatusSpec spec,
                           @Context SecurityContext security) {
        return plan.setStatus(initiativeId, id, spec, actor(security));
    }

    @GET
    @Allow(Audience.READERS)
    @Path("working-groups")
    public List<WorkingGroup> workingGroups(@PathParam("initiativeId") String initiativeId) {
        return plan.workingGroups(initiativeId);
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("working-groups")
    public Response formGroup(@PathParam("initiativeId") String initiativeId, WorkingGroupSpec spec,
                              @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, plan.formGroup(initiativeId, spec, actor(security)), WorkingGroup::id);
    }

    /** A group renamed, or its purpose restated. */
    @PUT
    @Allow(Audience.CONTRIBUTORS)
    @Path("working-groups/{id}")
    public WorkingGroup changeGroup(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id,
                                    WorkingGroupSpec spec, @Context SecurityContext security) {
        return plan.changeGroup(initiativeId, id, spec, actor(security));
    }

    @GET
    @Allow(Audience.READERS)
    @Path("working-groups/export")
    @Produces(CSV)
    public Response exportWorkingGroups(@PathParam("initiativeId") String initiativeId) {
        return csv(PlanReports.workingGroups(plan.workingGroups(initiativeId)), initiativeId + "-working-groups.csv");
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("working-groups/{id}/members")
    public Response addMember(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id,
                              GroupMemberSpec spec, @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, plan.addGroupMember(initiativeId, id, spec, actor(security)), WorkingGroup::id);
    }

    /** A member's role from now on (co-chairs rotate); the group as it is then. */
    @PUT
    @Allow(Audience.CONTRIBUTORS)
    @Path("working-groups/{id}/members/{memberId}")
    public WorkingGroup changeMemberRole(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id,
                                         @PathParam("memberId") long memberId, MemberRoleSpec spec,
                                         @Context SecurityContext security) {
        return plan.changeMemberRole(initiativeId, id, memberId, spec, actor(security));
    }

    /**
     * The member leaves the group, today or on {@code ?leftOn=YYYY-MM-DD}; the membership stays among the group's
     * former members. The group as it is then.
     */
    @DELETE
    @Allow(Audience.CONTRIBUTORS)
    @Path("working-groups/{id}/members/{memberId}")
    public WorkingGroup endMembership(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id,
                                      @PathParam("memberId") long memberId, @QueryParam("leftOn") String leftOn,
                                      @Context SecurityContext security) {
        return plan.endGroupMembership(initiativeId, id, memberId, QueryParameters.day("leftOn", leftOn).orElse(null),
                actor(security));
    }

    @GET
    @Allow(Audience.READERS)
    @Path("settings")
    public Settings settings(@PathParam("initiativeId") String initiativeId) {
        return plan.settings(initiativeId);
    }

    /** How many days before a meeting its materials are due. */
    @PUT
    @Allow(Audience.STAFF)
    @Path("settings")
    public Settings setSettings(@PathParam("initiativeId") String initiativeId, Settings spec,
                                @Context SecurityContext security) {
        return plan.setSettings(initiativeId, spec, actor(security));
    }

    @GET
    @Allow(Audience.READERS)
    @Path("action-items/export")
    @Produces(CSV)
    public Response exportActionItems(@PathParam("initiativeId") String initiativeId) {
        return csv(PlanReports.actionItems(plan.meetings(initiativeId)), initiativeId + "-action-items.csv");
    }

    /** Who came to each meeting whose attendance is recorded: a row per member expected or present. */
    @GET
    @Allow(Audience.READERS)
    @Path("attendance/export")
    @Produces(CSV)
    public Response exportAttendance(@PathParam("initiativeId") String initiativeId) {
        return csv(PlanReports.attendance(plan.meetings(initiativeId), plan.workingGroups(initiativeId)),
                initiativeId + "-attendance.csv");
    }
}
