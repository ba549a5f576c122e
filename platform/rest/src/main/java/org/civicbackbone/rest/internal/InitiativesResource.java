package org.civicbackbone.rest.internal;

import static org.civicbackbone.api.rest.Answers.actor;
import static org.civicbackbone.api.rest.QueryParameters.text;

import java.net.URI;
import java.util.List;
import java.util.OptionalLong;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
import org.civicbackbone.api.audit.AuditEntry;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.audit.AuditQuery;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.InitiativeAccess;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.InitiativeSpec;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.module.ModuleCatalogue;
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
 * Initiatives, their governance bodies, memberships and audit trail under {@code /api/v1/initiatives}. Also answers
 * requests for a function whose module is absent or not enabled, with a problem naming it: a function module's own
 * resource has a longer literal path and wins whenever it is installed.
 */
@Component(service = InitiativesResource.class)
@ApiResource
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

    /** The body type whose seats only a governed decision (a hire) fills. */

    @GET
    @Allow(Audience.LOGGED_IN)
    public List<Initiative> list(@Context SecurityContext security) {
        java.util.Set<String> visible = access.visible(actor(security),
                security.isUserInRole(BasicAuthentication.ADMIN_ROLE));
        return initiatives.list().stream().filter(i -> visible.contains(i.id())).toList();
    }

    @POST
    @Allow(Audience.PLATFORM_ADMINS)
    public Response create(InitiativeSpec spec, @Context SecurityContext security) {
        Initiative created = initiatives.create(spec, actor(security));
        return Response.created(URI.create(RestExtensions.API + "/initiatives/" + created.id())).entity(created).build();
    }

    @GET
    @Allow(Audience.READERS)
    @Path("{initiativeId}")
    public Initiative read(@PathParam(Allow.INITIATIVE) String id) {
        return initiatives.find(id).orElseThrow(() -> new ProblemException(
                Problem.notFound("There is no initiative '" + id + "'.")));
    }

    @PUT
    @Allow(Audience.STAFF)
    @Path("{initiativeId}")
    public Initiative update(@PathParam(Allow.INITIATIVE) String id, InitiativeSpec spec, @Context SecurityContext security) {
        return initiatives.update(id, spec, actor(security));
    }

    @GET
    @Allow(Audience.READERS)
    @Path("{initiativeId}/members")
    public List<Membership> members(@PathParam(Allow.INITIATIVE) String id) {
        return initiatives.members(id);
    }

    /**
     * The audit log, newest first, filtered by actor, action, module and time ({@code from}/{@code to}, ISO-8601
     * instants). At most {@code limit} entries; when more are left, a {@code Link: <...>; rel="next"} header gives the
     * address of the next page ({@code before} = the last id on this one).
     */
    @GET
    @Allow(Audience.READERS)
    @Path("{initiativeId}/audit")
    public Response audit(@PathParam(Allow.INITIATIVE) String id, @QueryParam("limit") String limitText,
                          @QueryParam("actor") String actor, @QueryParam("action") String action,
                          @QueryParam("module") String module, @QueryParam("from") String from,
                          @QueryParam("to") String to, @QueryParam("before") String beforeText) {
        read(id);
        int limit = (int) QueryParameters.whole("limit", limitText, 1, 1000).orElse(100);
        OptionalLong before = QueryParameters.whole("before", beforeText, 1, Long.MAX_VALUE);
        List<AuditEntry> page = audit.find(new AuditQuery(id, text(actor).orElse(null), text(action).orElse(null),
                text(module).orElse(null), QueryParameters.instant("from", from).orElse(null),
                QueryParameters.instant("to", to).orElse(null), before.isPresent() ? before.getAsLong() : null, limit + 1));
        Response.ResponseBuilder answer = Response.ok(page.size() > limit ? page.subList(0, limit) : page);
        if (page.size() > limit) {
            javax.ws.rs.core.UriBuilder next = javax.ws.rs.core.UriBuilder.fromPath(RestExtensions.API
                    + "/initiatives/{id}/audit").queryParam("limit", limit).queryParam("before", page.get(limit - 1).id());
            for (String[] filter : new String[][] {{"actor", actor}, {"action", action}, {"module", module},
                    {"from", from}, {"to", to}}) {
                if (filter[1] != null && !filter[1].isBlank()) {
                    next.queryParam(filter[0], filter[1]);
                }
            }
            answer.link(next.build(id), "next");
        }
        return answer.build();
    }

    /** A function enabled for an initiative, and whether its module is installed right now. */
    public record EnabledFunction(String functionId, String module, boolean installed, String state) {
    }

    @GET
    @Allow(Audience.READERS)
    @Path("{initiativeId}/functions")
    public List<EnabledFunction> functions(@PathParam(Allow.INITIATIVE) String id) {
        return read(id).enabledFunctionIds().stream().map(f -> {
            boolean installed = catalogue.function(f).isPresent();
            return new EnabledFunction(f, "function-" + f, installed, installed ? "available" : "unavailable");
        }).toList();
    }

    @PUT
    @Allow(Audience.STAFF)
    @Path("{initiativeId}/functions/{functionId}")
    @Consumes(MediaType.WILDCARD)
    public Initiative enable(@PathParam(Allow.INITIATIVE) String id, @PathParam("functionId") String functionId,
                             @Context SecurityContext security) {
        return initiatives.enableFunction(id, functionId, actor(security));
    }

    @DELETE
    @Allow(Audience.STAFF)
    @Path("{initiativeId}/functions/{functionId}")
    public Initiative disable(@PathParam(Allow.INITIATIVE) String id, @PathParam("functionId") String functionId,
                              @Context SecurityContext security) {
        return initiatives.disableFunction(id, functionId, actor(security));
    }

    @InputDeclarations.AnyInput
    @GET
    @Allow(Audience.READERS)
    @Path("{initiativeId}/{function}")
    public Response function(@PathParam(Allow.INITIATIVE) String id, @PathParam("function") String function) {
        throw absentFunction(id, function);
    }

    @InputDeclarations.AnyInput
    @GET
    @Allow(Audience.READERS)
    @Path("{initiativeId}/{function}/{rest: .+}")
    public Response functionGet(@PathParam(Allow.INITIATIVE) String id, @PathParam("function") String function) {
        throw absentFunction(id, function);
    }

    @InputDeclarations.AnyInput
    @POST
    @Allow(Audience.READERS)
    @Path("{initiativeId}/{function}/{rest: .*}")
    @Consumes(MediaType.WILDCARD)
    public Response functionPost(@PathParam(Allow.INITIATIVE) String id, @PathParam("function") String function) {
        throw absentFunction(id, function);
    }

    @InputDeclarations.AnyInput
    @PUT
    @Allow(Audience.READERS)
    @Path("{initiativeId}/{function}/{rest: .*}")
    @Consumes(MediaType.WILDCARD)
    public Response functionPut(@PathParam(Allow.INITIATIVE) String id, @PathParam("function") String function) {
        throw absentFunction(id, function);
    }

    @InputDeclarations.AnyInput
    @DELETE
    @Allow(Audience.READERS)
    @Path("{initiativeId}/{function}/{rest: .*}")
    public Response functionDelete(@PathParam(Allow.INITIATIVE) String id, @PathParam("function") String function) {
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
