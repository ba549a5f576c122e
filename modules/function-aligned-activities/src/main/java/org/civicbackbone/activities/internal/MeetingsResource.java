package org.civicbackbone.activities.internal;

import static org.civicbackbone.api.rest.Answers.actor;
import static org.civicbackbone.api.rest.Answers.created;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.civicbackbone.activities.internal.JointPlan.ActionItemSpec;
import org.civicbackbone.activities.internal.JointPlan.AttendanceSpec;
import org.civicbackbone.activities.internal.JointPlan.MaterialSpec;
import org.civicbackbone.activities.internal.JointPlan.Meeting;
import org.civicbackbone.activities.internal.JointPlan.MeetingSpec;
import org.civicbackbone.activities.internal.JointPlan.MinutesSpec;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * REST of the joint plan's meetings under {@code /api/v1/initiatives/{id}/aligned-activities/meetings}: scheduled and moved,
 * their materials, minutes, attendance and action items. A resource of its own beside {@link AlignedActivitiesResource}
 * (the longer address is matched first), so each stays one role.
 */
@Component(service = MeetingsResource.class)
@ApiResource
@Path(RestExtensions.INITIATIVE + AlignedActivities.FUNCTION_ID + "/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeetingsResource {

    private final AlignedActivities plan;

    @Activate
    public MeetingsResource(@Reference AlignedActivities plan) {
        this.plan = plan;
    }

    @GET
    @Allow(Audience.READERS)
    public List<Meeting> meetings(@PathParam("initiativeId") String initiativeId) {
        return plan.meetings(initiativeId);
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    public Response schedule(@PathParam("initiativeId") String initiativeId, MeetingSpec spec,
                             @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, plan.schedule(initiativeId, spec, actor(security)), Meeting::id);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("{id}")
    public Meeting meeting(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id) {
        return plan.meeting(initiativeId, id);
    }

    /** The meeting as it should be now: moved, retitled, its agenda revised (the same fields as when scheduled). */
    @PUT
    @Allow(Audience.CONTRIBUTORS)
    @Path("{id}")
    public Meeting changeMeeting(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id,
                                 MeetingSpec spec, @Context SecurityContext security) {
        return plan.changeMeeting(initiativeId, id, spec, actor(security));
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("{id}/materials")
    public Response material(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id,
                             MaterialSpec spec, @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, plan.addMaterial(initiativeId, id, spec, actor(security)), Meeting::id);
    }

    @PUT
    @Allow(Audience.CONTRIBUTORS)
    @Path("{id}/minutes")
    public Meeting minutes(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id, MinutesSpec spec,
                           @Context SecurityContext security) {
        return plan.recordMinutes(initiativeId, id, spec, actor(security));
    }

    /** Who came to a held meeting of a working group: the whole list of memberships present, replacing the last. */
    @PUT
    @Allow(Audience.CONTRIBUTORS)
    @Path("{id}/attendance")
    public Meeting attendance(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id,
                              AttendanceSpec spec, @Context SecurityContext security) {
        return plan.recordAttendance(initiativeId, id, spec, actor(security));
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("{id}/action-items")
    public Response actionItem(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id,
                               ActionItemSpec spec, @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, plan.addActionItem(initiativeId, id, spec, actor(security)), Meeting::id);
    }

    /** An open action item with another owner, a later day or clearer words. */
    @PUT
    @Allow(Audience.CONTRIBUTORS)
    @Path("{id}/action-items/{itemId}")
    public Meeting changeActionItem(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id,
                                    @PathParam("itemId") long itemId, ActionItemSpec spec,
                                    @Context SecurityContext security) {
        return plan.changeActionItem(initiativeId, id, itemId, spec, actor(security));
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("{id}/action-items/{itemId}/done")
    public Meeting done(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id,
                        @PathParam("itemId") long itemId, @Context SecurityContext security) {
        return plan.completeActionItem(initiativeId, id, itemId, actor(security));
    }
}
