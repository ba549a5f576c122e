package org.civicbackbone.api.login;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new password for an existing login.
 *
 * @param password 10 to 200 characters; stored hashed by the realm
 */
public record PasswordSpec(@NotNull @Size(min = 10, max = 200) String password) {
}
