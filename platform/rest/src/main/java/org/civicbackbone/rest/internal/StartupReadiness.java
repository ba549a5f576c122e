package org.civicbackbone.rest.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civicbackbone.api.module.ModuleManagement;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;

/**
 * Whether the node is ready after its start, and if not why: Karaf still installing its boot features, a bundle built
 * on the platform API not active, no REST runtime, the module set chosen for every node not caught up, or the REST
 * runtime not serving every resource of those bundles yet or changed a moment ago. Ready once, ready for good: later
 * module changes are served through (ADR 0007), so a balancer never takes the node out for them.
 *
 * <p>The facts replace waiting: before, health waited until the runtime had been unchanged for two seconds, which
 * was most of the time between the demo answering and the node being ready (docs/benchmarks.md, cold start).
 */
final class StartupReadiness {

    /**
     * How long the REST runtime must be unchanged once it serves every resource: the application's last rebuild has
     * then finished (a rebuild takes a few hundred milliseconds on a busy 2-core machine).
     */
    static final Duration SETTLE = Duration.ofMillis(300);
    /** How long it must be unchanged while a resource is not taken up: the runtime may never take it up. */
    static final Duration SETTLE_WITHOUT_ALL = Duration.ofSeconds(2);
    /** Registered by Karaf's features service once it has installed the boot features (looked up by name). */
    private static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";
    private static final String FEATURES = "org.apache.karaf.features.FeaturesService";

    private final BundleContext context;
    private final PlatformBundles platform;
    private final ModuleManagement moduleSet;
    private volatile JaxrsServiceRuntime runtime;
    private volatile long lastRuntimeChange = System.nanoTime();
    private volatile boolean ready;

    StartupReadiness(BundleContext context, PlatformBundles platform, ModuleManagement moduleSet) {
        this.context = context;
        this.platform = platform;
        this.moduleSet = moduleSet;
    }

    /** The REST runtime came, changed (an application rebuilt) or went (null). */
    void runtimeChanged(JaxrsServiceRuntime current) {
        runtime = current;
        lastRuntimeChange = System.nanoTime();
    }

    /** Why the node is not ready yet, or null when it is. */
    String notReadyBecause() {
        if (ready) {
            return null;
        }
        String reason = reason();
        ready = reason == null;
        return reason;
    }

    private String reason() {
        if (context.getServiceReference(FEATURES) != null && context.getServiceReference(BOOT_FINISHED) == null) {
            return "Karaf is installing its boot features";
        }
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() != Bundle.ACTIVE && bundle.getHeaders().get("Fragment-Host") == null
                    && bundle.getState() != Bundle.UNINSTALLED && platform.builtOnApi(bundle)) {
                return bundle.getSymbolicName() + " is not active yet";
            }
        }
        JaxrsServiceRuntime current = runtime;
        if (current == null) {
            return "the REST runtime is not available yet";
        }
        if (!moduleSet.caughtUp()) {
            return "catching up with the module set chosen for every node on the database";
        }
        long quiet = System.nanoTime() - lastRuntimeChange;
        int waiting = resourcesNotTakenUp(current);
        if (quiet < (waiting == 0 ? SETTLE : SETTLE_WITHOUT_ALL).toNanos()) {
            return "the REST API is settling after a change (" + quiet / 1_000_000 + " ms ago"
                    + (waiting == 0 ? ")" : ", " + waiting + " resources not taken up yet)");
        }
        return null;
    }

    /**
     * How many JAX-RS resources registered by bundles built on the platform API the runtime has neither served nor
     * refused yet (it takes each up as it arrives, rebuilding the application every time).
     */
    private int resourcesNotTakenUp(JaxrsServiceRuntime current) {
        ServiceReference<?>[] registered;
        try {
            registered = context.getServiceReferences((String) null,
                    "(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (registered == null) {
            return 0;
        }
        RuntimeDTO dto = current.getRuntimeDTO();
        Set<Long> takenUp = new HashSet<>();
        List<ApplicationDTO> applications = new ArrayList<>(List.of(dto.applicationDTOs));
        applications.add(dto.defaultApplication);
        for (ApplicationDTO application : applications) {
            if (application != null) {
                for (ResourceDTO resource : application.resourceDTOs) {
                    takenUp.add(resource.serviceId);
                }
            }
        }
        for (FailedResourceDTO failed : dto.failedResourceDTOs) {
            takenUp.add(failed.serviceId);
        }
        int waiting = 0;
        for (ServiceReference<?> reference : registered) {
            if (!takenUp.contains((Long) reference.getProperty(Constants.SERVICE_ID))
                    && platform.builtOnApi(reference.getBundle())) {
                waiting++;
            }
        }
        return waiting;
    }
}
