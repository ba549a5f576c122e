package org.civicbackbone.api.initiative;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a caller gives to add a member to a body.
 *
 * @param person       the person's name (optional when an organisation is the member)
 * @param username     the person's login (optional)
 * @param organisation the organisation
 * @param role         the role held
 * @param sector       the sector
 */
public record MembershipSpec(@Size(max = 200) String person, @Size(max = 100) String username,
                             @NotBlank @Size(max = 200) String organisation, @NotBlank @Size(max = 100) String role,
                             @NotNull Sector sector) {
}
