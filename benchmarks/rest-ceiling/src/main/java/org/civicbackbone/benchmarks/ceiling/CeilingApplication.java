package org.civicbackbone.benchmarks.ceiling;

import java.util.Set;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Application;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * {@code GET /ceiling/ok}: the least a request to this container can cost. A JAX-RS application of its own on the
 * same Jetty, CXF and whiteboard as the platform's API, answering a constant with no authentication, access check,
 * JSON or database (the platform's extensions serve the default application only), so the platform's reads can be
 * measured as a share of what the HTTP stack manages on the same machine in the same run.
 */
@Component(service = Application.class)
@JaxrsApplicationBase("ceiling")
@JaxrsName("backbone-benchmark-ceiling")
public class CeilingApplication extends Application {

    /** The one resource: a constant. */
    @Path("ok")
    public static class Constant {

        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String answer() {
            return "ok";
        }
    }

    @Override
    public Set<Object> getSingletons() {
        return Set.of(new Constant());
    }
}
