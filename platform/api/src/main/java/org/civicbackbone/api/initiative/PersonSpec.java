package org.civicbackbone.api.initiative;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a caller gives to record a person or change one.
 *
 * @param name     their name
 * @param username their login, or null
 * @param email    their e-mail address, or null: a change of the person replaces it, so give it again to keep it
 *                 (since 1.7)
 */
public record PersonSpec(@NotBlank @Size(max = 200) String name, @Size(max = 100) String username,
                         @Email(message = "must be an e-mail address such as 'ann@example.org'") @Size(max = 254)
                         String email) {

    /** A person given without an e-mail address. */
    public PersonSpec(String name, String username) {
        this(name, username, null);
    }
}
