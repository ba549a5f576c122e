package org.civicbackbone.rest.internal;


import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.civicbackbone.api.module.ModuleCatalogue;
import org.civicbackbone.api.module.ModuleManagement;
import org.civicbackbone.api.module.ModuleInfo;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;

/**
 * {@code GET /api/v1/health}: open to all. STARTING (503) after the node's start until it is ready (Karaf's boot
 * features installed, every module active and served by the REST runtime: {@link StartupReadiness}); never again
 * after that (a load balancer keeps sending requests while modules are installed or uninstalled, which the REST API
 * serves through, ADR 0007); then UP when the database answers and every module works; DEGRADED (still 200) when a
 * module's component failed to start or its requests keep failing, naming it; DOWN (503) without the database. The
 * database and the failed components (from the component runtime) are each asked at most once a second (building the
 * components' records was most of a health request, a round trip to PostgreSQL the rest); everything else is read on
 * every request.
 */
@Component(service = {HealthResource.class, NodeStart.class})
@ApiResource
@Path(RestExtensions.API + "/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource implements NodeStart {

    /** A module part that does not work. */
    public record Failure(String bundle, String component, String reason) {
    }

    /** The health answer. */
    public record Health(String status, String database, List<ModuleInfo> modules, List<Failure> failed) {
    }

    private final ModuleCatalogue catalogue;
    private final BackboneStore store;
    private final ServiceComponentRuntime components;
    private final FunctionRequestGuard guard;
    private final PlatformBundles platform;
    private final StartupReadiness readiness;
    /** How long a reading of failed components is reused: building the runtime's component DTOs is most of the cost. */
    private static final long COMPONENTS_FRESH_NANOS = Duration.ofSeconds(1).toNanos();
    private record ComponentReading(List<Failure> failed, long at) {
    }
    private volatile ComponentReading lastReading =
            new ComponentReading(List.of(), System.nanoTime() - COMPONENTS_FRESH_NANOS);
    private record DatabaseReading(String state, long at) {
    }
    private volatile DatabaseReading lastDatabase;

    @Activate
    public HealthResource(@Reference ModuleCatalogue catalogue, @Reference BackboneStore store,
                          @Reference ServiceComponentRuntime components, @Reference FunctionRequestGuard guard,
                          @Reference ModuleManagement moduleSet, BundleContext context) {
        this.catalogue = catalogue;
        this.store = store;
        this.components = components;
        this.guard = guard;
        this.platform = new PlatformBundles(context);
        this.readiness = new StartupReadiness(context, platform, moduleSet);
    }

    @GET
    @Allow(Audience.PUBLIC)
    public Response health() {
        String database = recentDatabaseState();
        List<ModuleInfo> modules = catalogue.installed();
        List<Failure> failed = new ArrayList<>(recentlyFailedComponents());
        for (FunctionRequestGuard.Trouble t : guard.troubles()) {
            if (modules.stream().anyMatch(m -> m.id().equals(t.module()))) {
                failed.add(new Failure(t.module(), "requests", t.reason()));
            }
        }
        String starting = readiness.notReadyBecause();
        if (starting != null) {
            failed.add(0, new Failure("platform", "startup", starting));
        }
        String status = !database.equals("UP") ? "DOWN" : starting != null ? "STARTING"
                : failed.isEmpty() ? "UP" : "DEGRADED";
        return Response.status(status.equals("DOWN") || status.equals("STARTING") ? 503 : 200)
                .entity(new Health(status, database, modules, failed)).build();
    }

    @Override
    public boolean hasBeenReady() {
        return readiness.notReadyBecause() == null;
    }

    /** The REST runtime came or changed (an application rebuilt as a resource or extension came or went). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, updated = "runtimeChanged", unbind = "runtimeGone")
    void runtimeChanged(JaxrsServiceRuntime runtime) {
        readiness.runtimeChanged(runtime);
    }

    void runtimeGone(JaxrsServiceRuntime runtime) {
        readiness.runtimeChanged(null);
    }

    /**
     * Whether the database answers, asked at most once a second (on PostgreSQL asking is a round trip, which cost
     * health more than the rest of its answer under load): a balancer polling every second or two sees DOWN in time.
     */
    private String recentDatabaseState() {
        DatabaseReading reading = lastDatabase;
        if (reading == null || System.nanoTime() - reading.at() >= COMPONENTS_FRESH_NANOS) {
            String state;
            try {
                store.read(c -> c.isValid(2));
                state = "UP";
            } catch (RuntimeException e) {
                state = "DOWN";
            }
            reading = new DatabaseReading(state, System.nanoTime());
            lastDatabase = reading;
        }
        return reading.state();
    }

    /** {@link #failedComponents()}, read at most once a second: a health poll under load must stay cheap. */
    private List<Failure> recentlyFailedComponents() {
        ComponentReading reading = lastReading;
        if (System.nanoTime() - reading.at() >= COMPONENTS_FRESH_NANOS) {
            reading = new ComponentReading(List.copyOf(failedComponents()), System.nanoTime());
            lastReading = reading;
        }
        return reading.failed();
    }

    /** Components of bundles built on the platform API that failed to activate. */
    private List<Failure> failedComponents() {
        List<Bundle> built = platform.all();
        List<Failure> failed = new ArrayList<>();
        if (built.isEmpty()) {
            return failed; // no bundles at all would mean every bundle's components
        }
        for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs(built.toArray(Bundle[]::new))) {
            for (ComponentConfigurationDTO configuration : components.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    failed.add(new Failure(description.bundle.symbolicName, description.name,
                            rootCause(configuration.failure)));
                }
            }
        }
        return failed;
    }

    /** The innermost cause of a failure's stack trace, which says what went wrong. */
    static String rootCause(String stackTrace) {
        if (stackTrace == null || stackTrace.isBlank()) {
            return "failed to activate";
        }
        String cause = stackTrace.lines().findFirst().orElse("failed to activate");
        for (String line : stackTrace.lines().toList()) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length());
            }
        }
        return cause;
    }
}
