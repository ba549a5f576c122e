package org.civicbackbone.rest.internal;

import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.civicbackbone.api.audit.AuditEntry;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.initiative.BodySpec;
import org.civicbackbone.api.initiative.GovernanceBody;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.InitiativeAccess;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.InitiativeSpec;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.initiative.MembershipSpec;
import org.civicbackbone.api.module.ModuleCatalogue;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Initiatives, their governance bodies, memberships and audit trail under {@code /api/v1/initiatives}. Also answers
 * requests for a function whose module is absent or not enabled, with a problem naming it: a function module's own
 * resource has a longer literal path and wins whenever it is installed.
 */
@Component(service = InitiativesResource.class)
@JaxrsResource
@JaxrsExtensionSelect({RestExtensions.JSON, RestExtensions.PROBLEMS, RestExtensions.AUTHENTICATION})
@Path(RestExtensions.API + "/initiatives")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InitiativesResource {

    private final InitiativeService initiatives;
    private final AuditLog audit;
    private final ModuleCatalogue catalogue;
    private final InitiativeAccess access;

    @Activate
    public InitiativesResource(@Reference InitiativeService initiatives, @Reference AuditLog audit,
                               @Reference ModuleCatalogue catalogue, @Reference InitiativeAccess access) {
        this.initiatives = initiatives;
        this.audit = audit;
        this.catalogue = catalogue;
        this.access = access;
    }

    static String actor(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }

    @GET
    public List<Initiative> list(@Context SecurityContext security) {
        java.util.Set<String> visible = access.visible(actor(security),
                security.isUserInRole(BasicAuthentication.ADMIN_ROLE));
        return initiatives.list().stream().filter(i -> visible.contains(i.id())).toList();
    }

    @POST
    public Response create(InitiativeSpec spec, @Context SecurityContext security) {
        Initiative created = initiatives.create(spec, actor(security));
        return Response.created(URI.create(RestExtensions.API + "/initiatives/" + created.id())).entity(created).build();
    }

    @GET
    @Path("{id}")
    public Initiative read(@PathParam("id") String id) {
        return initiatives.find(id).orElseThrow(() -> new ProblemException(
                Problem.notFound("There is no initiative '" + id + "'.")));
    }

    @PUT
    @Path("{id}")
    public Initiative update(@PathParam("id") String id, InitiativeSpec spec, @Context SecurityContext security) {
        return initiatives.update(id, spec, actor(security));
    }

    @GET
    @Path("{id}/bodies")
    public List<GovernanceBody> bodies(@PathParam("id") String id) {
        return initiatives.bodies(id);
    }

    @POST
    @Path("{id}/bodies")
    public Response addBody(@PathParam("id") String id, BodySpec spec, @Context SecurityContext security) {
        GovernanceBody body = initiatives.addBody(id, spec, actor(security));
        return Response.created(URI.create(RestExtensions.API + "/initiatives/" + id + "/bodies/" + body.id()))
                .entity(body).build();
    }

    @GET
    @Path("{id}/members")
    public List<Membership> members(@PathParam("id") String id) {
        return initiatives.members(id);
    }

    @GET
    @Path("{id}/bodies/{bodyId}/members")
    public List<Membership> members(@PathParam("id") String id, @PathParam("bodyId") long bodyId) {
        return initiatives.members(id, bodyId);
    }

    @POST
    @Path("{id}/bodies/{bodyId}/members")
    public Response addMember(@PathParam("id") String id, @PathParam("bodyId") long bodyId, MembershipSpec spec,
                              @Context SecurityContext security) {
        Membership member = initiatives.addMember(id, bodyId, spec, actor(security));
        return Response.status(201).entity(member).build();
    }

    @GET
    @Path("{id}/audit")
    public List<AuditEntry> audit(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("100") int limit) {
        read(id);
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalid("limit", "must be between 1 and 1000");
        }
        return audit.recent(id, limit);
    }

    /** A function enabled for an initiative, and whether its module is installed right now. */
    public record EnabledFunction(String functionId, String module, boolean installed, String state) {
    }

    @GET
    @Path("{id}/functions")
    public List<EnabledFunction> functions(@PathParam("id") String id) {
        return read(id).enabledFunctionIds().stream().map(f -> {
            boolean installed = catalogue.function(f).isPresent();
            return new EnabledFunction(f, "function-" + f, installed, installed ? "available" : "unavailable");
        }).toList();
    }

    @PUT
    @Path("{id}/functions/{functionId}")
    @Consumes(MediaType.WILDCARD)
    public Initiative enable(@PathParam("id") String id, @PathParam("functionId") String functionId,
                             @Context SecurityContext security) {
        return initiatives.enableFunction(id, functionId, actor(security));
    }

    @DELETE
    @Path("{id}/functions/{functionId}")
    public Initiative disable(@PathParam("id") String id, @PathParam("functionId") String functionId,
                              @Context SecurityContext security) {
        return initiatives.disableFunction(id, functionId, actor(security));
    }

    @GET
    @Path("{id}/{function}")
    public Response function(@PathParam("id") String id, @PathParam("function") String function) {
        throw absentFunction(id, function);
    }

    @GET
    @Path("{id}/{function}/{rest: .+}")
    public Response functionGet(@PathParam("id") String id, @PathParam("function") String function) {
        throw absentFunction(id, function);
    }

    @POST
    @Path("{id}/{function}/{rest: .*}")
    @Consumes(MediaType.WILDCARD)
    public Response functionPost(@PathParam("id") String id, @PathParam("function") String function) {
        throw absentFunction(id, function);
    }

    @PUT
    @Path("{id}/{function}/{rest: .*}")
    @Consumes(MediaType.WILDCARD)
    public Response functionPut(@PathParam("id") String id, @PathParam("function") String function) {
        throw absentFunction(id, function);
    }

    @DELETE
    @Path("{id}/{function}/{rest: .*}")
    public Response functionDelete(@PathParam("id") String id, @PathParam("function") String function) {
        throw absentFunction(id, function);
    }

    private ProblemException absentFunction(String id, String function) {
        Initiative initiative = read(id);
        if (catalogue.function(function).isEmpty()) {
            return new ProblemException(Problem.moduleNotInstalled("function-" + function));
        }
        return new ProblemException(Problem.functionNotEnabled(function, initiative.id()));
    }
}
