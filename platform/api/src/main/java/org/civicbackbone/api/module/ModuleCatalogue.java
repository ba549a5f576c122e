package org.civicbackbone.api.module;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import org.osgi.annotation.versioning.ProviderType;

/** The functions and structure models installed right now; follows their services as they come and go. */
@ProviderType
public interface ModuleCatalogue {

    /** All installed modules, functions first, each sorted by id. */
    List<ModuleInfo> installed();

    /** The installed function with this id, if any. */
    Optional<BackboneFunction> function(String functionId);

    /** The installed structure model with this id, if any. */
    Optional<StructureModel> structureModel(String modelId);

    /**
     * Runs the action on a platform thread once the function with this id is installed (soon, if it already is).
     * For a module's own start-up work that goes through the platform's checks like any request, such as loading
     * demo data: a module's components start before the platform lists its function. Cancel the answer when the
     * calling component deactivates; an action that fails is logged.
     */
    Future<?> whenAvailable(String functionId, Runnable action);
}
