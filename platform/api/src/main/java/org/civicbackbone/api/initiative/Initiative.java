package org.civicbackbone.api.initiative;

import java.time.Instant;
import java.util.List;

/**
 * A Collective Impact initiative as the platform holds it.
 *
 * @param id                  a URL-safe slug, stable for the life of the initiative
 * @param name                the initiative's name
 * @param problemStatement    the social problem it works on
 * @param vision              the shared vision
 * @param structureModelId    the backbone structure model in force ({@code nested}, ...)
 * @param enabledFunctionIds  the backbone functions the initiative uses
 * @param demo                true for the demo initiative shipped with the distribution
 * @param createdAt           when it was created
 * @param updatedAt           when it was last changed
 */
public record Initiative(String id, String name, String problemStatement, String vision, String structureModelId,
                         List<String> enabledFunctionIds, boolean demo, Instant createdAt, Instant updatedAt) {
    public Initiative {
        enabledFunctionIds = List.copyOf(enabledFunctionIds);
    }

    /** Whether the initiative uses this function. */
    public boolean uses(String functionId) {
        return enabledFunctionIds.contains(functionId);
    }
}
