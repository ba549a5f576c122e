package org.civicbackbone.examples.faulty;

import java.util.concurrent.CountDownLatch;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Fails on purpose: the overview throws on every request, {@code /hang} waits until stopped (it yields to an
 * interrupt), {@code /stuck} waits and ignores interrupts. Both waits end when the plugin is uninstalled.
 */
@Component(service = FaultyResource.class)
@JaxrsResource
@JaxrsExtensionSelect({RestExtensions.JSON, RestExtensions.PROBLEMS, RestExtensions.AUTHENTICATION})
@Path(RestExtensions.INITIATIVE + "faulty")
@Produces(MediaType.APPLICATION_JSON)
public class FaultyResource {

    private final CountDownLatch uninstalled = new CountDownLatch(1);

    @GET
    public String overview(@PathParam("initiativeId") String initiativeId) {
        throw new IllegalStateException("deliberately failing request for " + initiativeId);
    }

    @GET
    @Path("hang")
    public String hang() throws InterruptedException {
        uninstalled.await();
        return "{}";
    }

    @GET
    @Path("stuck")
    public String stuck() {
        while (uninstalled.getCount() > 0) {
            try {
                uninstalled.await();
            } catch (InterruptedException ignored) {
                // deliberately deaf to interrupts: only uninstalling the plugin ends this
            }
        }
        return "{}";
    }

    @Deactivate
    void release() {
        uninstalled.countDown();
    }
}
