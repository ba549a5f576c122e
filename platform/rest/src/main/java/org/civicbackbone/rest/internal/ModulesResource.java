package org.civicbackbone.rest.internal;

import static org.civicbackbone.api.rest.Answers.actor;

import java.util.List;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.civicbackbone.api.module.ModuleManagement;
import org.civicbackbone.api.module.ModuleStatus;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Modules at runtime under {@code /api/v1/modules}, for platform admins: list, show (with the progress of an
 * install or uninstall), install ({@code PUT}) and uninstall ({@code DELETE}). Both answer 202 while the operation
 * runs in the background, or 200 when there is nothing to do.
 */
@Component(service = ModulesResource.class)
@ApiResource
@Path(RestExtensions.API + "/modules")
@Produces(MediaType.APPLICATION_JSON)
public class ModulesResource {

    private final ModuleManagement modules;

    @Activate
    public ModulesResource(@Reference ModuleManagement modules) {
        this.modules = modules;
    }

    @GET
    @Allow(Audience.PLATFORM_ADMINS)
    public List<ModuleStatus> list(@Context SecurityContext security) {
        return modules.modules();
    }

    @GET
    @Allow(Audience.PLATFORM_ADMINS)
    @Path("{id}")
    public ModuleStatus module(@PathParam("id") String id, @Context SecurityContext security) {
        return modules.module(id);
    }

    @PUT
    @Allow(Audience.PLATFORM_ADMINS)
    @Path("{id}")
    public Response install(@PathParam("id") String id, @Context SecurityContext security) {
        ModuleStatus status = modules.install(id, actor(security));
        return Response.status(status.state().equals("installing") ? 202 : 200).entity(status).build();
    }

    @DELETE
    @Allow(Audience.PLATFORM_ADMINS)
    @Path("{id}")
    public Response uninstall(@PathParam("id") String id, @Context SecurityContext security) {
        ModuleStatus status = modules.uninstall(id, actor(security));
        return Response.status(status.state().equals("uninstalling") ? 202 : 200).entity(status).build();
    }
}
