package org.civicbackbone.api.login;

import java.util.List;

/**
 * A login of the platform's realm as an admin sees it: never its password.
 *
 * @param name          what the person signs in with
 * @param platformAdmin whether it holds the platform admin role
 * @param roles         the realm's roles and groups it holds
 */
public record Login(String name, boolean platformAdmin, List<String> roles) {

    public Login {
        roles = List.copyOf(roles);
    }
}
