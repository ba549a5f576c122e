package org.civicbackbone.rest.internal;

import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The OpenAPI 3 description of the whole REST API at {@code /api/v1/openapi.json}: the core's resources and those of
 * every module installed at this moment, read from the JAX-RS whiteboard's resource services when asked.
 */
@Component(service = OpenApiResource.class)
@ApiResource
@Path(RestExtensions.API + "/openapi.json")
@Produces(MediaType.APPLICATION_JSON)
public class OpenApiResource {

    private final BundleContext context;
    private final ServedResources served;

    @Activate
    public OpenApiResource(BundleContext context) {
        this.context = context;
        this.served = new ServedResources(context);
    }

    @Deactivate
    void deactivate() {
        served.close();
    }

    /** The description; public like the health, because it says what can be asked, never what is stored. */
    @GET
    @Allow(Audience.PUBLIC)
    public Map<String, Object> document() {
        return OpenApiDocument.of(served.classes(), context.getBundle().getVersion().toString());
    }
}
