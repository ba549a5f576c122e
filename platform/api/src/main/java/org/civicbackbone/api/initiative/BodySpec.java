package org.civicbackbone.api.initiative;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a caller gives to add a governance body.
 *
 * @param type the body type key
 * @param name the body's name
 */
public record BodySpec(
        @NotBlank @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be a body type such as 'host-board'") String type,
        @NotBlank @Size(max = 200) String name) {
}
