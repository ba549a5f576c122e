package org.civicbackbone.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.ModuleCatalogue;
import org.civicbackbone.api.module.ModuleInfo;
import org.civicbackbone.api.module.StructureModel;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Follows the function and structure model services as their modules are installed and uninstalled. References
 * are dynamic: a module coming or going never restarts the catalogue or anything that uses it.
 */
@Component(service = ModuleCatalogue.class)
public class LiveModuleCatalogue implements ModuleCatalogue {

    private record Entry<T>(T service, String version) {
    }

    private final Map<String, Entry<BackboneFunction>> functions = new ConcurrentHashMap<>();
    private final Map<String, Entry<StructureModel>> models = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFunction(BackboneFunction function, ServiceReference<BackboneFunction> ref) {
        functions.put(function.id(), new Entry<>(function, version(ref)));
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
