package org.civicbackbone.rest.internal;

import static org.civicbackbone.api.rest.Answers.actor;
import static org.civicbackbone.api.rest.Answers.created;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
import org.civicbackbone.api.initiative.BodySpec;
import org.civicbackbone.api.initiative.GovernanceBody;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.initiative.MembershipSpec;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * An initiative's governance bodies and their seats under {@code /api/v1/initiatives/{id}/bodies}. Staff set them up,
 * change them and retire them ({@code DELETE} retires: the record stays, so every past decision is still explained by
 * who sat where); seats on the backbone team are hires, which only an approved proposal makes (the core refuses
 * them here with 409, in the transaction that would write them).
 */
@Component(service = BodiesResource.class)
@ApiResource
@Path(RestExtensions.INITIATIVE + "bodies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BodiesResource {

    private final InitiativeService initiatives;

    @Activate
    public BodiesResource(@Reference InitiativeService initiatives) {
        this.initiatives = initiatives;
    }

    @GET
    @Allow(Audience.READERS)
    public List<GovernanceBody> bodies(@PathParam(Allow.INITIATIVE) String id) {
        return initiatives.bodies(id);
    }

    @POST
    @Allow(Audience.STAFF)
    public Response addBody(@PathParam(Allow.INITIATIVE) String id, BodySpec spec, @Context SecurityContext security,
                            @Context UriInfo uri) {
        return created(uri, initiatives.addBody(id, spec, actor(security)), GovernanceBody::id);
    }

    @PUT
    @Allow(Audience.STAFF)
    @Path("{bodyId}")
    public GovernanceBody updateBody(@PathParam(Allow.INITIATIVE) String id, @PathParam("bodyId") long bodyId,
                                     BodySpec spec, @Context SecurityContext security) {
        return initiatives.updateBody(id, bodyId, spec, actor(security));
    }

    @DELETE
    @Allow(Audience.STAFF)
    @Path("{bodyId}")
    public GovernanceBody retireBody(@PathParam(Allow.INITIATIVE) String id, @PathParam("bodyId") long bodyId,
                                     @Context SecurityContext security) {
        return initiatives.retireBody(id, bodyId, actor(security));
    }

    @GET
    @Allow(Audience.READERS)
    @Path("{bodyId}/members")
    public List<Membership> members(@PathParam(Allow.INITIATIVE) String id, @PathParam("bodyId") long bodyId) {
        return initiatives.members(id, bodyId);
    }

    @POST
    @Allow(Audience.STAFF)
    @Path("{bodyId}/members")
    public Response addMember(@PathParam(Allow.INITIATIVE) String id, @PathParam("bodyId") long bodyId,
                              MembershipSpec spec, @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, initiatives.addMember(id, bodyId, spec, actor(security)), Membership::id);
    }

    @PUT
    @Allow(Audience.STAFF)
    @Path("{bodyId}/members/{membershipId}")
    public Membership updateMember(@PathParam(Allow.INITIATIVE) String id, @PathParam("bodyId") long bodyId,
                                   @PathParam("membershipId") long membershipId, MembershipSpec spec,
                                   @Context SecurityContext security) {
        return initiatives.updateMember(id, bodyId, membershipId, spec, actor(security));
    }

    @DELETE
    @Allow(Audience.STAFF)
    @Path("{bodyId}/members/{membershipId}")
    public Membership retireMember(@PathParam(Allow.INITIATIVE) String id, @PathParam("bodyId") long bodyId,
                                   @PathParam("membershipId") long membershipId, @Context SecurityContext security) {
        return initiatives.retireMember(id, bodyId, membershipId, actor(security));
    }
}
