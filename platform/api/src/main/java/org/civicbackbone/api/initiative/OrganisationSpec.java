package org.civicbackbone.api.initiative;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a caller gives to register an organisation or to change one.
 *
 * @param name    its name
 * @param aliases other names it goes by; none is needed
 * @param sectors the sectors it belongs to, at least one
 */
public record OrganisationSpec(@NotBlank @Size(max = 200) String name,
                               @Size(max = 20) List<@NotBlank @Size(max = 200) String> aliases,
                               @NotEmpty @Size(max = 12) List<@NotNull Sector> sectors) {

    /** No aliases when none are given. */
    public OrganisationSpec {
        aliases = aliases == null ? List.of() : aliases;
    }
}
