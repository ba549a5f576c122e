package org.civicbackbone.api.login;

import java.time.Instant;
import java.util.Set;

/**
 * A signed-in console session.
 *
 * @param token     what the session cookie carries (never stored: the database keeps its digest)
 * @param login     who signed in
 * @param roles     the roles the realm granted at sign-in
 * @param csrfToken the token every write of the session must echo in a header
 * @param endsAt    when it ends unless used before (the idle limit), or at the latest (the maximum)
 */
public record ConsoleSession(String token, String login, Set<String> roles, String csrfToken, Instant endsAt) {

    public ConsoleSession {
        roles = Set.copyOf(roles);
    }
}
