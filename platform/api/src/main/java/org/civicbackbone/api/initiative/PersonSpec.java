package org.civicbackbone.api.initiative;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a caller gives to record a person or change one.
 *
 * @param name     their name
 * @param username their login, or null
 */
public record PersonSpec(@NotBlank @Size(max = 200) String name, @Size(max = 100) String username) {
}
