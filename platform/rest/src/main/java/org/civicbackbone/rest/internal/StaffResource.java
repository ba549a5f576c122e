package org.civicbackbone.rest.internal;

import static org.civicbackbone.api.rest.Answers.accepted;
import static org.civicbackbone.api.rest.Answers.actor;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.civicbackbone.api.decision.HireSpec;
import org.civicbackbone.api.decision.StaffHire;
import org.civicbackbone.api.decision.StaffService;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Backbone staff hires under {@code /api/v1/initiatives/{id}/staff}: proposing a hire answers 202, because nobody is
 * hired until the structure model's approval chain approves it.
 */
@Component(service = StaffResource.class)
@ApiResource
@Path(RestExtensions.INITIATIVE + "staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StaffResource {

    private final InitiativeService initiatives;
    private final StaffService staff;

    @Activate
    public StaffResource(@Reference InitiativeService initiatives, @Reference StaffService staff) {
        this.initiatives = initiatives;
        this.staff = staff;
    }

    private void requireInitiative(String id) {
        initiatives.find(id).orElseThrow(() -> new ProblemException(Problem.notFound("There is no initiative '" + id + "'.")));
    }

    @GET
    @Allow(Audience.READERS)
    public List<StaffHire> hires(@PathParam("initiativeId") String initiativeId) {
        requireInitiative(initiativeId);
        return staff.hires(initiativeId);
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    public Response proposeHire(@PathParam("initiativeId") String initiativeId, HireSpec spec,
                                @Context SecurityContext security) {
        requireInitiative(initiativeId);
        return accepted(staff.proposeHire(initiativeId, spec, actor(security)));
    }
}
