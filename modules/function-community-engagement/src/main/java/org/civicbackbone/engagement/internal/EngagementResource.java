package org.civicbackbone.engagement.internal;

import static org.civicbackbone.api.rest.Answers.CSV;
import static org.civicbackbone.api.rest.Answers.accepted;
import static org.civicbackbone.api.rest.Answers.actor;
import static org.civicbackbone.api.rest.Answers.created;
import static org.civicbackbone.api.rest.Answers.csv;

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
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.civicbackbone.engagement.internal.Engagement.Communication;
import org.civicbackbone.engagement.internal.Engagement.CommunicationSpec;
import org.civicbackbone.engagement.internal.Engagement.Event;
import org.civicbackbone.engagement.internal.Engagement.EventSpec;
import org.civicbackbone.engagement.internal.Engagement.Overview;
import org.civicbackbone.engagement.internal.Engagement.StatementSpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** REST of the community engagement function under {@code /api/v1/initiatives/{id}/community-engagement}. */
@Component(service = EngagementResource.class)
@ApiResource
@Path(RestExtensions.INITIATIVE + CommunityEngagement.FUNCTION_ID)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EngagementResource {

    private final CommunityEngagement engagement;

    @Activate
    public EngagementResource(@Reference CommunityEngagement engagement) {
        this.engagement = engagement;
    }

    @GET
    @Allow(Audience.READERS)
    public Overview overview(@PathParam("initiativeId") String initiativeId) {
        return engagement.overview(initiativeId);
    }

    /** Who the structure model in force authorises to speak for the initiative. */
    @GET
    @Allow(Audience.READERS)
    @Path("spokespeople")
    public List<String> spokespeople(@PathParam("initiativeId") String initiativeId) {
        return engagement.authorisedSpokespeople(initiativeId);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("communications")
    public List<Communication> communications(@PathParam("initiativeId") String initiativeId) {
        return engagement.communications(initiativeId);
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("communications")
    public Response draft(@PathParam("initiativeId") String initiativeId, CommunicationSpec spec,
                          @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, engagement.draft(initiativeId, spec, actor(security)), Communication::id);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("communications/export")
    @Produces(CSV)
    public Response exportCommunications(@PathParam("initiativeId") String initiativeId) {
        return csv(engagement.exportCommunications(initiativeId), initiativeId + "-communications.csv");
    }

    @GET
    @Allow(Audience.READERS)
    @Path("communications/{id}")
    public Communication communication(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id) {
        return engagement.communication(initiativeId, id);
    }

    /** A draft as it should be now: the same fields as when it was drafted, checked the same way. */
    @PUT
    @Allow(Audience.CONTRIBUTORS)
    @Path("communications/{id}")
    public Communication editDraft(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id,
                                   CommunicationSpec spec, @Context SecurityContext security) {
        return engagement.editDraft(initiativeId, id, spec, actor(security));
    }

    /** Publishes as the team's own communication, not as the initiative's voice. */
    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("communications/{id}/publication")
    public Communication publish(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id,
                                 @Context SecurityContext security) {
        return engagement.publish(initiativeId, id, actor(security));
    }

    /** Puts it to the bodies as the initiative's official statement: 202, published only once approved. */
    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("communications/{id}/statement")
    public Response statement(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id,
                              StatementSpec spec, @Context SecurityContext security) {
        return accepted(engagement.proposeStatement(initiativeId, id, spec, actor(security)));
    }

    @GET
    @Allow(Audience.READERS)
    @Path("events")
    public List<Event> events(@PathParam("initiativeId") String initiativeId) {
        return engagement.events(initiativeId);
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("events")
    public Response recordEvent(@PathParam("initiativeId") String initiativeId, EventSpec spec,
                                @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, engagement.recordEvent(initiativeId, spec, actor(security)), Event::id);
    }

    /** An event as it was after all (a count mistyped, a day misremembered): the same fields as when recorded. */
    @PUT
    @Allow(Audience.CONTRIBUTORS)
    @Path("events/{id}")
    public Event correctEvent(@PathParam("initiativeId") String initiativeId, @PathParam("id") long id,
                              EventSpec spec, @Context SecurityContext security) {
        return engagement.correctEvent(initiativeId, id, spec, actor(security));
    }

    @GET
    @Allow(Audience.READERS)
    @Path("events/export")
    @Produces(CSV)
    public Response exportEvents(@PathParam("initiativeId") String initiativeId) {
        return csv(engagement.exportEvents(initiativeId), initiativeId + "-events.csv");
    }
}
