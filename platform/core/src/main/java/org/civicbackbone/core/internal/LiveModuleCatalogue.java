package org.civicbackbone.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.ModuleCatalogue;
import org.civicbackbone.api.module.ModuleInfo;
import org.civicbackbone.api.module.StructureModel;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the function and structure model services as their modules are installed and uninstalled. References
 * are dynamic: a module coming or going never restarts the catalogue or anything that uses it. Immediate, so it is
 * active before the modules' components; functions are fetched off the binding thread (see {@link #bindFunction}).
 */
@Component(service = ModuleCatalogue.class, immediate = true)
public class LiveModuleCatalogue implements ModuleCatalogue {

    private record Entry<T>(T service, String version) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(LiveModuleCatalogue.class);

    private final Map<String, Entry<BackboneFunction>> functions = new ConcurrentHashMap<>();
    private final Map<String, Entry<StructureModel>> models = new ConcurrentHashMap<>();
    /** Per function id, what waits for it to be installed; guarded by itself. */
    private final Map<String, List<CompletableFuture<Void>>> waiting = new HashMap<>();
    private final ExecutorService starter = Executors.newSingleThreadExecutor(
            r -> new Thread(r, "backbone-module-start"));
    /** Fetches each function announced, one at a time, off the thread that registered it. */
    private final ExecutorService announcer = Executors.newSingleThreadExecutor(
            r -> new Thread(r, "backbone-function-announcer"));
    /** The functions bound and, once fetched, the object of each; guarded by itself. */
    private final Map<ComponentServiceObjects<BackboneFunction>, BackboneFunction> bound = new HashMap<>();

    /**
     * A function announced. Bound as service objects and fetched on the announcer's thread, never on the thread that
     * registered it: fetching a function creates its module's service, which may need a service that thread is still
     * creating (the initiative service, which needs this catalogue), and SCR refuses such a cycle.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            service = BackboneFunction.class)
    void bindFunction(ComponentServiceObjects<BackboneFunction> objects) {
        synchronized (bound) {
            bound.put(objects, null);
        }
        announcer.execute(() -> {
            BackboneFunction function = objects.getService(); // null if the module failed: health names it
            synchronized (bound) {
                if (function == null || !bound.containsKey(objects)) {
                    if (function != null) {
                        objects.ungetService(function);
                    }
                    return;
                }
                bound.put(objects, function);
            }
            addFunction(function, objects.getServiceReference());
        });
    }

    void unbindFunction(ComponentServiceObjects<BackboneFunction> objects) {
        BackboneFunction function;
        synchronized (bound) {
            function = bound.remove(objects);
        }
        if (function != null) {
            removeFunction(function);
            objects.ungetService(function);
        }
    }

    /** Lists a function and starts the work that waited for it. */
    void addFunction(BackboneFunction function, ServiceReference<BackboneFunction> ref) {
        functions.put(function.id(), new Entry<>(function, version(ref)));
        List<CompletableFuture<Void>> ready;
        synchronized (waiting) {
            ready = waiting.remove(function.id());
        }
        if (ready != null) {
            ready.forEach(r -> r.complete(null));
        }
    }

    @Deactivate
    void stop() {
        announcer.shutdownNow();
        starter.shutdownNow();
    }

    @Override
    public Future<?> whenAvailable(String functionId, Runnable action) {
        CompletableFuture<Void> available = new CompletableFuture<>();
        synchronized (waiting) {
            if (functions.containsKey(functionId)) {
                available.complete(null);
            } else {
                waiting.computeIfAbsent(functionId, k -> new ArrayList<>()).add(available);
            }
        }
        // off the thread that registers the function: the action may take its time and use any service
        CompletableFuture<Void> run = available.thenRunAsync(action, starter);
        run.exceptionally(failure -> {
            if (!(failure instanceof CancellationException || failure.getCause() instanceof CancellationException)) {
                LOG.warn("Start-up work waiting for function '{}' failed", functionId, failure);
            }
            return null;
        });
        return run;
    }

    void removeFunction(BackboneFunction function) {
        functions.remove(function.id());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addModel(StructureModel model, ServiceReference<StructureModel> ref) {
        models.put(model.id(), new Entry<>(model, version(ref)));
    }

    void removeModel(StructureModel model) {
        models.remove(model.id());
    }

    private static String version(ServiceReference<?> ref) {
        return ref == null ? "unknown" : ref.getBundle().getVersion().toString();
    }

    @Override
    public List<ModuleInfo> installed() {
        List<ModuleInfo> all = new ArrayList<>();
        functions.values().stream()
                .map(e -> new ModuleInfo("function-" + e.service().id(), "function", e.service().name(), e.version(), "active"))
                .sorted(Comparator.comparing(ModuleInfo::id)).forEach(all::add);
        models.values().stream()
                .map(e -> new ModuleInfo("structure-" + e.service().id(), "structure", e.service().name(), e.version(), "active"))
                .sorted(Comparator.comparing(ModuleInfo::id)).forEach(all::add);
        return all;
    }

    @Override
    public Optional<BackboneFunction> function(String functionId) {
        return Optional.ofNullable(functions.get(functionId)).map(Entry::service);
    }

    @Override
    public Optional<StructureModel> structureModel(String modelId) {
        return Optional.ofNullable(models.get(modelId)).map(Entry::service);
    }
}
