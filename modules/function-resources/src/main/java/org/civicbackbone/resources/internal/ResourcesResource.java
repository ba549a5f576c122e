package org.civicbackbone.resources.internal;

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
import org.civicbackbone.resources.internal.Funding.AcceptanceSpec;
import org.civicbackbone.resources.internal.Funding.Allocation;
import org.civicbackbone.resources.internal.Funding.AllocationSpec;
import org.civicbackbone.resources.internal.Funding.Budget;
import org.civicbackbone.resources.internal.Funding.BudgetSpec;
import org.civicbackbone.resources.internal.Funding.Deadline;
import org.civicbackbone.resources.internal.Funding.DeadlineSpec;
import org.civicbackbone.resources.internal.Funding.Funder;
import org.civicbackbone.resources.internal.Funding.FunderSpec;
import org.civicbackbone.resources.internal.Funding.Grant;
import org.civicbackbone.resources.internal.Funding.GrantSpec;
import org.civicbackbone.resources.internal.Funding.Overview;
import org.civicbackbone.resources.internal.Funding.ReceiptSpec;
import org.civicbackbone.resources.internal.Funding.StageSpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** REST of the resources function under {@code /api/v1/initiatives/{id}/resources}. */
@Component(service = ResourcesResource.class)
@ApiResource
@Path(RestExtensions.INITIATIVE + Resources.FUNCTION_ID)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResourcesResource {

    private final Resources resources;

    @Activate
    public ResourcesResource(@Reference Resources resources) {
        this.resources = resources;
    }

    @GET
    @Allow(Audience.READERS)
    public Overview overview(@PathParam("initiativeId") String initiativeId) {
        return resources.overview(initiativeId);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("funders")
    public List<Funder> funders(@PathParam("initiativeId") String initiativeId) {
        return resources.funders(initiativeId);
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("funders")
    public Response addFunder(@PathParam("initiativeId") String initiativeId, FunderSpec spec,
                              @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, resources.addFunder(initiativeId, spec, actor(security)), Funder::id);
    }

    /** A funder as it should be now (its sector, its contact): the same fields as when it was recorded. */
    @PUT
    @Allow(Audience.CONTRIBUTORS)
    @Path("funders/{funderId}")
    public Funder changeFunder(@PathParam("initiativeId") String initiativeId, @PathParam("funderId") long funderId,
                               FunderSpec spec, @Context SecurityContext security) {
        return resources.changeFunder(initiativeId, funderId, spec, actor(security));
    }

    @GET
    @Allow(Audience.READERS)
    @Path("funders/export")
    @Produces(CSV)
    public Response exportFunders(@PathParam("initiativeId") String initiativeId) {
        return csv(resources.exportFunders(initiativeId), initiativeId + "-funders.csv");
    }

    @GET
    @Allow(Audience.READERS)
    @Path("deadlines/export")
    @Produces(CSV)
    public Response exportDeadlines(@PathParam("initiativeId") String initiativeId) {
        return csv(resources.exportDeadlines(initiativeId), initiativeId + "-deadlines.csv");
    }

    @GET
    @Allow(Audience.READERS)
    @Path("grants")
    public List<Grant> grants(@PathParam("initiativeId") String initiativeId) {
        return resources.grants(initiativeId);
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("grants")
    public Response addGrant(@PathParam("initiativeId") String initiativeId, GrantSpec spec,
                             @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, resources.addGrant(initiativeId, spec, actor(security)), Grant::id);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("grants/export")
    @Produces(CSV)
    public Response exportGrants(@PathParam("initiativeId") String initiativeId) {
        return csv(resources.exportGrants(initiativeId), initiativeId + "-grants.csv");
    }

    @GET
    @Allow(Audience.READERS)
    @Path("grants/{grantId}")
    public Grant grant(@PathParam("initiativeId") String initiativeId, @PathParam("grantId") long grantId) {
        return resources.grant(initiativeId, grantId);
    }

    /** A grant not yet answered by its funder, as it should be now: the same fields as when it was added. */
    @PUT
    @Allow(Audience.STAFF)
    @Path("grants/{grantId}")
    public Grant correctGrant(@PathParam("initiativeId") String initiativeId, @PathParam("grantId") long grantId,
                              GrantSpec spec, @Context SecurityContext security) {
        return resources.correctGrant(initiativeId, grantId, spec, actor(security));
    }

    /** A submission, an award (with its amount) or a refusal by the funder. */
    @PUT
    @Allow(Audience.STAFF)
    @Path("grants/{grantId}/stage")
    public Grant stage(@PathParam("initiativeId") String initiativeId, @PathParam("grantId") long grantId,
                       StageSpec spec, @Context SecurityContext security) {
        return resources.changeStage(initiativeId, grantId, spec, actor(security));
    }

    /** Puts an award's acceptance to the bodies: 202, the grant is ACTIVE only once they approve. */
    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("grants/{grantId}/acceptance")
    public Response accept(@PathParam("initiativeId") String initiativeId, @PathParam("grantId") long grantId,
                           AcceptanceSpec spec, @Context SecurityContext security) {
        return accepted(resources.proposeAcceptance(initiativeId, grantId, spec, actor(security)));
    }

    @POST
    @Allow(Audience.STAFF)
    @Path("grants/{grantId}/receipts")
    public Response receive(@PathParam("initiativeId") String initiativeId, @PathParam("grantId") long grantId,
                            ReceiptSpec spec, @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, resources.recordReceipt(initiativeId, grantId, spec, actor(security)), Funding.Receipt::id);
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("grants/{grantId}/deadlines")
    public Response addDeadline(@PathParam("initiativeId") String initiativeId, @PathParam("grantId") long grantId,
                                DeadlineSpec spec, @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, resources.addDeadline(initiativeId, grantId, spec, actor(security)), Deadline::id);
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("grants/{grantId}/deadlines/{deadlineId}/submitted")
    public Deadline submitted(@PathParam("initiativeId") String initiativeId, @PathParam("grantId") long grantId,
                              @PathParam("deadlineId") long deadlineId, @Context SecurityContext security) {
        return resources.markSubmitted(initiativeId, grantId, deadlineId, actor(security));
    }

    /** Every reporting deadline, soonest first, with its state (OVERDUE, DUE_SOON, UPCOMING, SUBMITTED). */
    @GET
    @Allow(Audience.READERS)
    @Path("deadlines")
    public List<Deadline> deadlines(@PathParam("initiativeId") String initiativeId) {
        return resources.deadlines(initiativeId);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("budget/{year}")
    public Budget budget(@PathParam("initiativeId") String initiativeId, @PathParam("year") int year) {
        return resources.budget(initiativeId, year);
    }

    @PUT
    @Allow(Audience.STAFF)
    @Path("budget/{year}")
    public Budget setBudget(@PathParam("initiativeId") String initiativeId, @PathParam("year") int year,
                            BudgetSpec spec, @Context SecurityContext security) {
        return resources.setBudget(initiativeId, year, spec, actor(security));
    }

    @GET
    @Allow(Audience.READERS)
    @Path("allocations")
    public List<Allocation> allocations(@PathParam("initiativeId") String initiativeId) {
        return resources.allocations(initiativeId);
    }

    /** Proposes an allocation: 202, in effect only once the bodies approve. */
    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("allocations")
    public Response allocate(@PathParam("initiativeId") String initiativeId, AllocationSpec spec,
                             @Context SecurityContext security) {
        return accepted(resources.proposeAllocation(initiativeId, spec, actor(security)));
    }

    @GET
    @Allow(Audience.READERS)
    @Path("allocations/export")
    @Produces(CSV)
    public Response exportAllocations(@PathParam("initiativeId") String initiativeId) {
        return csv(resources.exportAllocations(initiativeId), initiativeId + "-allocations.csv");
    }
}
