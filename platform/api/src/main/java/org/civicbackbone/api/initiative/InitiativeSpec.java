package org.civicbackbone.api.initiative;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a caller gives to create or update an initiative.
 *
 * @param id                 optional slug for a new initiative; derived from the name when absent
 * @param name               the name
 * @param problemStatement   the social problem
 * @param vision             the shared vision
 * @param structureModelId   the structure model id
 * @param enabledFunctionIds the functions to enable (may be empty)
 */
public record InitiativeSpec(
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}[a-z0-9]", message = "must be 3-64 lower-case letters, digits or dashes")
        String id,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String problemStatement,
        @Size(max = 4000) String vision,
        @NotBlank @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be a structure model id such as 'nested'")
        String structureModelId,
        @NotNull List<@NotBlank @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be a function id") String> enabledFunctionIds) {
}
