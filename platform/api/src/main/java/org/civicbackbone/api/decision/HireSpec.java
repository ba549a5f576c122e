package org.civicbackbone.api.decision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a caller gives to propose hiring backbone staff.
 *
 * @param person       who
 * @param username     their login, if any
 * @param role         the role
 * @param organisation the organisation that would employ them
 * @param reason       the case for the hire
 */
public record HireSpec(@NotBlank @Size(max = 200) String person, @Size(max = 100) String username,
                       @NotBlank @Size(max = 100) String role, @NotBlank @Size(max = 200) String organisation,
                       @Size(max = 4000) String reason) {
}
