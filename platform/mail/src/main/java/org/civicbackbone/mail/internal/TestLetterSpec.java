package org.civicbackbone.mail.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Where an admin wants a letter that shows mail works.
 *
 * @param to the address
 */
public record TestLetterSpec(@NotBlank @Email(message = "must be an e-mail address such as 'ann@example.org'")
                             @Size(max = 254) String to) {
}
