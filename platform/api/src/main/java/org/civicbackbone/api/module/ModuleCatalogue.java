package org.civicbackbone.api.module;

import java.util.List;
import java.util.Optional;
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
}
