package org.civicbackbone.api.login;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a caller gives to create a login.
 *
 * @param name          2 to 64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit
 * @param password      10 to 200 characters; stored hashed by the realm
 * @param platformAdmin true to make the login a platform admin (only a platform admin may ask for it); absent means
 *                      false
 */
public record LoginSpec(@NotNull @Pattern(regexp = NAME, message = NAME_RULE) String name,
                        @NotNull @Size(min = 10, max = 200) String password, Boolean platformAdmin) {

    /** A login name as the realm accepts it without quoting. */
    public static final String NAME = "[a-z0-9][a-z0-9._-]{1,63}";

    /** Why a name was refused, as the field's problem says. */
    public static final String NAME_RULE = "must be 2 to 64 lower-case letters, digits, dots, dashes or underscores, "
            + "starting with a letter or digit";

    /** Whether the login is to be a platform admin. */
    public boolean makesPlatformAdmin() {
        return Boolean.TRUE.equals(platformAdmin);
    }
}
