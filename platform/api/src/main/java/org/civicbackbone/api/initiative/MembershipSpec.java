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
 * @param personId     a person already on record ({@link PersonRegistry}) to seat, instead of {@code person} and
 *                     {@code username}; without it the person named is found on record by login (or, with no login,
 *                     by name) or recorded (1.2)
 */
public record MembershipSpec(@Size(max = 200) String person, @Size(max = 100) String username,
                             @NotBlank @Size(max = 200) String organisation, @NotBlank @Size(max = 100) String role,
                             @NotNull Sector sector, Long personId) {

    /** A seat for a person named here, or for an organisation (the 1.1 shape). */
    public MembershipSpec(String person, String username, String organisation, String role, Sector sector) {
        this(person, username, organisation, role, sector, null);
    }
}
