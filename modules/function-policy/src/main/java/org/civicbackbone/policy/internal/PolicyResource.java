package org.civicbackbone.policy.internal;

import static org.civicbackbone.api.rest.Answers.CSV;
import static org.civicbackbone.api.rest.Answers.accepted;
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
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.civicbackbone.policy.internal.PolicyAgenda.AdoptionSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.Item;
import org.civicbackbone.policy.internal.PolicyAgenda.ItemSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.OutcomeSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.Overview;
import org.civicbackbone.policy.internal.PolicyAgenda.StageSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.Stance;
import org.civicbackbone.policy.internal.PolicyAgenda.StanceSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.Statement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** REST of the policy function under {@code /api/v1/initiatives/{id}/policy}. */
@Component(service = PolicyResource.class)
@ApiResource
@Path(RestExtensions.INITIATIVE + Policy.FUNCTION_ID)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final Policy policy;

    @Activate
    public PolicyResource(@Reference Policy policy) {
        this.policy = policy;
    }

    @GET
    @Allow(Audience.READERS)
    public Overview overview(@PathParam("initiativeId") String initiativeId) {
        return policy.overview(initiativeId);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("items")
    public List<Item> items(@PathParam("initiativeId") String initiativeId) {
        return policy.items(initiativeId);
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("items")
    public Response add(@PathParam("initiativeId") String initiativeId, ItemSpec spec,
                        @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, policy.add(initiativeId, spec, actor(security)), Item::id);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("items/export")
    @Produces(CSV)
    public Response export(@PathParam("initiativeId") String initiativeId) {
        return Response.ok(policy.export(initiativeId), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + initiativeId + "-policy.csv\"").build();
    }

    @GET
    @Allow(Audience.READERS)
    @Path("items/{itemId}")
    public Item item(@PathParam("initiativeId") String initiativeId, @PathParam("itemId") long itemId) {
        return policy.item(initiativeId, itemId);
    }

    /** The item's text as it should be now, while it is worked out: the same fields as when it was added. */
    @PUT
    @Allow(Audience.CONTRIBUTORS)
    @Path("items/{itemId}")
    public Item change(@PathParam("initiativeId") String initiativeId, @PathParam("itemId") long itemId, ItemSpec spec,
                       @Context SecurityContext security) {
        return policy.change(initiativeId, itemId, spec, actor(security));
    }

    @PUT
    @Allow(Audience.CONTRIBUTORS)
    @Path("items/{itemId}/stage")
    public Item stage(@PathParam("initiativeId") String initiativeId, @PathParam("itemId") long itemId, StageSpec spec,
                      @Context SecurityContext security) {
        return policy.changeStage(initiativeId, itemId, spec, actor(security));
    }

    /** Puts the position to the bodies: 202, the initiative holds it only once they approve. */
    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("items/{itemId}/adoption")
    public Response adopt(@PathParam("initiativeId") String initiativeId, @PathParam("itemId") long itemId,
                          AdoptionSpec spec, @Context SecurityContext security) {
        return accepted(policy.proposePosition(initiativeId, itemId, spec, actor(security)));
    }

    @PUT
    @Allow(Audience.CONTRIBUTORS)
    @Path("items/{itemId}/outcome")
    public Item outcome(@PathParam("initiativeId") String initiativeId, @PathParam("itemId") long itemId,
                        OutcomeSpec spec, @Context SecurityContext security) {
        return policy.recordOutcome(initiativeId, itemId, spec, actor(security));
    }

    /** Every stance recorded, oldest first; the latest per organisation counts. */
    @GET
    @Allow(Audience.READERS)
    @Path("items/{itemId}/stances")
    public List<Stance> stances(@PathParam("initiativeId") String initiativeId, @PathParam("itemId") long itemId) {
        return policy.stanceHistory(initiativeId, itemId);
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("items/{itemId}/stances")
    public Response stance(@PathParam("initiativeId") String initiativeId, @PathParam("itemId") long itemId,
                           StanceSpec spec, @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, policy.recordStance(initiativeId, itemId, spec, actor(security)), Stance::id);
    }

    /** The position as the initiative states it in public, leaving out partners that asked not to be named. */
    @GET
    @Allow(Audience.READERS)
    @Path("items/{itemId}/statement")
    public Statement statement(@PathParam("initiativeId") String initiativeId, @PathParam("itemId") long itemId) {
        return policy.statement(initiativeId, itemId);
    }
}
