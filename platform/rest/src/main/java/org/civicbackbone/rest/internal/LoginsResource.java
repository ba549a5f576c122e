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
import org.civicbackbone.api.login.Login;
import org.civicbackbone.api.login.LoginDirectory;
import org.civicbackbone.api.login.LoginSpec;
import org.civicbackbone.api.login.PasswordSpec;
import org.civicbackbone.api.login.PlatformAdminSpec;
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
 * The platform's logins under {@code /api/v1/logins}, for platform admins: list them with their roles, create one
 * (a platform admin or not), give one a new password, make it a platform admin or no longer one, or remove it; each
 * change ends that login's console sessions. Staff of an initiative create and reset the logins of its people under
 * {@code .../people/{personId}/login}.
 */
@Component(service = LoginsResource.class)
@ApiResource
@Path(RestExtensions.API + "/logins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LoginsResource {

    private final LoginDirectory logins;
    private final BasicAuthentication authentication;

    @Activate
    public LoginsResource(@Reference LoginDirectory logins, @Reference BasicAuthentication authentication) {
        this.logins = logins;
        this.authentication = authentication;
    }

    @GET
    @Allow(Audience.PLATFORM_ADMINS)
    public List<Login> logins() {
        return logins.logins();
    }

    @POST
    @Allow(Audience.PLATFORM_ADMINS)
    public Response create(LoginSpec spec, @Context SecurityContext security, @Context UriInfo uri) {
        return created(uri, logins.create(spec, actor(security)), Login::name);
    }

    @GET
    @Allow(Audience.PLATFORM_ADMINS)
    @Path("{login}")
    public Login login(@PathParam("login") String name) {
        return logins.logins().stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.notFound("There is no login '" + name + "'.")));
    }

    /** Makes a login a platform admin or no longer one; its console sessions end. */
    @PUT
    @Allow(Audience.PLATFORM_ADMINS)
    @Path("{login}/platform-admin")
    public Login platformAdmin(@PathParam("login") String name, PlatformAdminSpec spec,
                               @Context SecurityContext security) {
        Login changed = logins.setPlatformAdmin(name, spec.platformAdmin(), actor(security));
        authentication.loginChanged();
        return changed;
    }

    /** Removes a login with its roles and sessions; never the caller's own, nor the last platform admin's. */
    @DELETE
    @Allow(Audience.PLATFORM_ADMINS)
    @Path("{login}")
    public Response remove(@PathParam("login") String name, @Context SecurityContext security) {
        logins.remove(name, actor(security));
        authentication.loginChanged();
        return Response.noContent().build();
    }

    @PUT
    @Allow(Audience.PLATFORM_ADMINS)
    @Path("{login}/password")
    public Response password(@PathParam("login") String name, PasswordSpec spec, @Context SecurityContext security) {
        logins.setPassword(name, spec, actor(security));
        authentication.loginChanged();
        return Response.noContent().build();
    }
}
