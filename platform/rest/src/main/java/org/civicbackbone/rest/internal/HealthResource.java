package org.civicbackbone.rest.internal;

import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.civicbackbone.api.module.ModuleCatalogue;
import org.civicbackbone.api.module.ModuleInfo;
import org.civicbackbone.api.rest.RestExtensions;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code GET /api/v1/health}: open to all; UP when the database answers, with the installed modules. */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsExtensionSelect({RestExtensions.JSON, RestExtensions.PROBLEMS, RestExtensions.AUTHENTICATION})
@Path(RestExtensions.API + "/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    /** The health answer. */
    public record Health(String status, String database, List<ModuleInfo> modules) {
    }

    private final ModuleCatalogue catalogue;
    private final BackboneStore store;

    @Activate
    public HealthResource(@Reference ModuleCatalogue catalogue, @Reference BackboneStore store) {
        this.catalogue = catalogue;
        this.store = store;
    }

    @GET
    public Response health() {
        String database;
        try {
            store.read(c -> c.isValid(2));
            database = "UP";
        } catch (RuntimeException e) {
            database = "DOWN";
        }
        String status = database.equals("UP") ? "UP" : "DOWN";
        return Response.status(status.equals("UP") ? 200 : 503)
                .entity(new Health(status, database, catalogue.installed())).build();
    }
}
