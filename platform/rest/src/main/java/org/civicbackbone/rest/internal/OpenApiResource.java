package org.civicbackbone.rest.internal;

import java.util.ArrayList;
import java.util.List;
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
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

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

    @Activate
    public OpenApiResource(BundleContext context) {
        this.context = context;
    }

    /** The description; public like the health, because it says what can be asked, never what is stored. */
    @GET
    @Allow(Audience.PUBLIC)
    public Map<String, Object> document() throws InvalidSyntaxException {
        List<Class<?>> resources = new ArrayList<>();
        ServiceReference<?>[] references = context.getServiceReferences((String) null, "(osgi.jaxrs.resource=true)");
        for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
            Object resource = context.getService(reference);
            if (resource == null) {
                continue; // went away meanwhile
            }
            try {
                javax.ws.rs.Path path = resource.getClass().getAnnotation(javax.ws.rs.Path.class);
                if (path != null && path.value().startsWith(RestExtensions.API)) {
                    resources.add(resource.getClass());
                }
            } finally {
                context.ungetService(reference);
            }
        }
        return OpenApiDocument.of(resources, context.getBundle().getVersion().toString());
    }
}
