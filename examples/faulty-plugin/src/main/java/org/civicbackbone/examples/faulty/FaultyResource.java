package org.civicbackbone.examples.faulty;

import java.util.concurrent.CountDownLatch;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import java.util.List;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.SchemaMigration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Fails on purpose: the overview throws on every request, {@code /hang} waits until stopped (it yields to an
 * interrupt), {@code /stuck} waits and ignores interrupts, {@code /churn} writes to the database until interrupted. Both waits end when the plugin is uninstalled.
 */
@Component(service = FaultyResource.class)
@JaxrsResource
@JaxrsExtensionSelect({RestExtensions.JSON, RestExtensions.PROBLEMS, RestExtensions.AUTHENTICATION})
@Path(RestExtensions.INITIATIVE + "faulty")
@Produces(MediaType.APPLICATION_JSON)
public class FaultyResource {

    private final CountDownLatch uninstalled = new CountDownLatch(1);
    private final BackboneStore store;

    @Activate
    public FaultyResource(@Reference BackboneStore store) {
        this.store = store;
        store.migrate("faulty", List.of(new SchemaMigration(1, "a table to write to",
                "CREATE TABLE faulty_churn (id BIGINT AUTO_INCREMENT PRIMARY KEY, at TIMESTAMP NOT NULL)")));
    }

    /**
     * Writes to the database, one committed row after another, until the request guard interrupts it (or 20 s
     * pass): the interrupt lands while the thread is inside the database's file I/O, which must not close the
     * database for everyone else.
     */
    @GET
    @Allow(Audience.READERS)
    @Path("churn")
    public String churn() {
        long until = System.nanoTime() + 20_000_000_000L;
        int rows = 0;
        while (!Thread.currentThread().isInterrupted() && System.nanoTime() < until) {
            try {
                store.inTransaction(c -> {
                    try (var insert = c.prepareStatement("INSERT INTO faulty_churn (at) VALUES (CURRENT_TIMESTAMP)")) {
                        return insert.executeUpdate();
                    }
                });
                rows++;
            } catch (RuntimeException interrupted) {
                break;
            }
        }
        return "{\"rows\":" + rows + "}";
    }

    @GET
    @Allow(Audience.READERS)
    public String overview(@PathParam("initiativeId") String initiativeId) {
        throw new IllegalStateException("deliberately failing request for " + initiativeId);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("hang")
    public String hang() throws InterruptedException {
        uninstalled.await();
        return "{}";
    }

    @GET
    @Allow(Audience.READERS)
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
