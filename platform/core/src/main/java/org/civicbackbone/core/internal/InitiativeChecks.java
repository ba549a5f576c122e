package org.civicbackbone.core.internal;

import java.util.ArrayList;
import java.util.List;
import org.civicbackbone.api.initiative.InitiativeSpec;
import org.civicbackbone.api.initiative.SameName;
import org.civicbackbone.api.module.ModuleCatalogue;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;

/**
 * What an initiative's settings are checked against before they are written: a structure model the platform knows,
 * functions that are installed, and a name no other initiative has (people pick an initiative by its name, in the
 * console's list and in reports).
 */
record InitiativeChecks(ModuleCatalogue catalogue) {

    /** The structure models the platform knows by name even while their modules are not installed. */
    static final List<String> KNOWN_MODELS = List.of("stand-alone", "nested", "volunteer", "seconded");

    /** A new initiative's model and functions. */
    void modules(InitiativeSpec spec) {
        model(spec.structureModelId());
        functions(spec.enabledFunctionIds(), spec.enabledFunctionIds());
    }

    void model(String modelId) {
        if (!KNOWN_MODELS.contains(modelId) && catalogue.structureModel(modelId).isEmpty()) {
            throw ProblemException.invalid("structureModelId", "'" + modelId
                    + "' is not a structure model; known models are " + KNOWN_MODELS);
        }
    }

    /** Functions being newly enabled must be installed; ones already enabled may stay while uninstalled. */
    void functions(List<String> newlyEnabled, List<String> all) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String f = all.get(i);
            if (newlyEnabled.contains(f) && catalogue.function(f).isEmpty()) {
                violations.add(new Violation("enabledFunctionIds[" + i + "]", "function '" + f + "' is not installed"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("Only installed functions can be enabled.", violations));
        }
    }

    /**
     * Refuses a name another initiative than {@code initiativeId} has, case and spaces aside (409 naming
     * {@code name}). Read in the writing transaction.
     */
    void nameFree(InitiativeRecords records, String name, String initiativeId) {
        for (InitiativeRecords.InitiativeName other : records.names()) {
            if (!other.id().equals(initiativeId) && SameName.of(other.name(), name)) {
                throw new ProblemException(Problem.conflict("Initiative '" + other.id() + "' is called '"
                        + other.name() + "' already.", List.of(new Violation("name",
                        "is the name of initiative '" + other.id() + "'"))));
            }
        }
    }
}
