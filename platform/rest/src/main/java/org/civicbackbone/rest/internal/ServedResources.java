package org.civicbackbone.rest.internal;

import java.util.ArrayList;
import java.util.List;
import javax.ws.rs.Path;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The classes of the API's resources that the JAX-RS whiteboard serves at this moment: the core's and those of every
 * module installed, read from their services when asked, so a module installed or removed a moment ago counts.
 */
final class ServedResources {

    private final BundleContext context;

    ServedResources(BundleContext context) {
        this.context = context;
    }

    /** The resource classes whose address is under {@link RestExtensions#API}. */
    List<Class<?>> classes() {
        ServiceReference<?>[] references;
        try {
            references = context.getServiceReferences((String) null, "(osgi.jaxrs.resource=true)");
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        List<Class<?>> resources = new ArrayList<>();
        for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
            Object resource = context.getService(reference);
            if (resource == null) {
                continue; // went away meanwhile
            }
            try {
                Path path = resource.getClass().getAnnotation(Path.class);
                if (path != null && path.value().startsWith(RestExtensions.API)) {
                    resources.add(resource.getClass());
                }
            } finally {
                context.ungetService(reference);
            }
        }
        return resources;
    }
}
