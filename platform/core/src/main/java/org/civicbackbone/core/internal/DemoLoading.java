package org.civicbackbone.core.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.InitiativeListener;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.module.DemoData;
import org.civicbackbone.api.module.ModuleCatalogue;
import org.osgi.service.component.ComponentServiceObjects;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads each function's {@link DemoData} into the demo initiatives that use the function: those there already once
 * the function is listed, and each one created later. Modules only say what their demo is.
 */
@Component(immediate = true, service = InitiativeListener.class)
public class DemoLoading implements InitiativeListener {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLoading.class);

    private final InitiativeService initiatives;
    private final ModuleCatalogue catalogue;
    private final BackboneStore store;
    /** Per demo fetched, its start-up loading (cancelled when the demo goes). */
    private final Map<DemoData, Future<?>> demos = new ConcurrentHashMap<>();
    /** The demos bound and, once fetched, the object of each; guarded by itself. */
    private final Map<ComponentServiceObjects<DemoData>, DemoData> bound = new HashMap<>();
    private final ExecutorService fetcher = Executors.newSingleThreadExecutor(r -> new Thread(r, "backbone-demo-fetch"));

    @Activate
    public DemoLoading(@Reference InitiativeService initiatives, @Reference ModuleCatalogue catalogue,
                       @Reference BackboneStore store) {
        this.store = store;
        this.initiatives = initiatives;
        this.catalogue = catalogue;
    }

    /**
     * A demo announced. Fetched off the binding thread: fetching it creates its module's service, which may need a
     * service that thread is still creating, and SCR refuses such a cycle.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, service = DemoData.class)
    void bindDemo(ComponentServiceObjects<DemoData> objects) {
        synchronized (bound) {
            bound.put(objects, null);
        }
        fetcher.execute(() -> {
            DemoData demo = objects.getService();
            synchronized (bound) {
                if (demo == null || !bound.containsKey(objects)) {
                    if (demo != null) {
                        objects.ungetService(demo);
                    }
                    return;
                }
                bound.put(objects, demo);
                // once the platform lists the function: loading goes through the same checks as any request
                demos.put(demo, catalogue.whenAvailable(demo.functionId(),
                        () -> initiatives.list().forEach(initiative -> load(demo, initiative))));
            }
        });
    }

    void unbindDemo(ComponentServiceObjects<DemoData> objects) {
        DemoData demo;
        synchronized (bound) {
            demo = bound.remove(objects);
        }
        if (demo != null) {
            Future<?> loading = demos.remove(demo);
            if (loading != null) {
                loading.cancel(false);
            }
            objects.ungetService(demo);
        }
    }

    @Deactivate
    void stop() {
        fetcher.shutdownNow();
        demos.values().forEach(loading -> loading.cancel(false));
    }

    @Override
    public void initiativeCreated(Initiative initiative) {
        demos.keySet().stream().filter(demo -> catalogue.function(demo.functionId()).isPresent())
                .forEach(demo -> load(demo, initiative));
    }

    private void load(DemoData demo, Initiative initiative) {
        if (!initiative.demo() || !initiative.uses(demo.functionId())) {
            return;
        }
        // start-up loading and a new initiative may meet, here or on another node of the same database: the demo
        // checks, then loads, alone
        try {
            store.exclusively("demo:" + initiative.id() + ":" + demo.functionId(), () -> {
                if (!demo.loadedInto(initiative.id())) {
                    demo.loadInto(initiative.id());
                    LOG.info("Loaded the demo of '{}' into '{}'", demo.functionId(), initiative.id());
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("The demo of '{}' could not be loaded into '{}'", demo.functionId(), initiative.id(), e);
        }
    }
}
