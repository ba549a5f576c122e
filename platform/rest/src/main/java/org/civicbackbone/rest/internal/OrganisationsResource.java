package org.civicbackbone.rest.internal;

import static org.civicbackbone.api.rest.Answers.actor;
import static org.civicbackbone.api.rest.Answers.created;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.initiative.OrganisationSpec;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.QueryParameters;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * An initiative's organisation registry under {@code /api/v1/initiatives/{id}/organisations}: readers see it, staff
 * register organisations, change them and merge a duplicate into the one it is. {@code ?name=} answers the one organisation a name or alias stands for.
 */
@Component(service = OrganisationsResource.class)
@ApiResource
@Path(RestExtensions.INITIATIVE + "organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganisationsResource {

    private final OrganisationRegistry registry;

    @Activate
    public OrganisationsResource(@Reference OrganisationRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Allow(Audience.READERS)
    public List<Organisation> organisations(@PathParam(Allow.INITIATIVE) String initiativeId,
                                            @QueryParam("name") String name) {
        if (QueryParameters.text(name).isEmpty()) {
            return registry.organisations(initiativeId);
        }
        return List.of(registry.resolve(initiativeId, name).orElseThrow(() -> new ProblemException(Problem.notFound(
                "No organisation of '" + initiativeId + "' goes by '" + name.strip() + "'."))));
    }

    @POST
    @Allow(Audience.STAFF)
    public Response register(@PathParam(Allow.INITIATIVE) String initiativeId, OrganisationSpec spec,
                             @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, registry.register(initiativeId, spec, actor(security)), Organisation::id);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("{organisationId}")
    public Organisation organisation(@PathParam(Allow.INITIATIVE) String initiativeId,
                                     @PathParam("organisationId") long organisationId) {
        return registry.organisation(initiativeId, organisationId);
    }

    @PUT
    @Allow(Audience.STAFF)
    @Path("{organisationId}")
    public Organisation update(@PathParam(Allow.INITIATIVE) String initiativeId,
                               @PathParam("organisationId") long organisationId, OrganisationSpec spec,
                               @Context SecurityContext security) {
        return registry.update(initiativeId, organisationId, spec, actor(security));
    }

    /** Which organisation a duplicate is merged into. */
    public record Merge(@NotNull Long into) {
    }

    /** Merges this organisation into another that it turns out to be (ADR 0025); answers the one kept. */
    @POST
    @Allow(Audience.STAFF)
    @Path("{organisationId}/merge")
    public Organisation merge(@PathParam(Allow.INITIATIVE) String initiativeId,
                              @PathParam("organisationId") long organisationId, Merge merge,
                              @Context SecurityContext security) {
        return registry.merge(initiativeId, organisationId, merge.into(), actor(security));
    }
}
