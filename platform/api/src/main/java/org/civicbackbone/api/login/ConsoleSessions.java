package org.civicbackbone.api.login;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The web console's sign-in sessions, kept in the platform's database so that every node behind a load balancer
 * knows them. Only a digest of a session's token is stored. A session ends when closed, after its idle limit without
 * a {@link #find}, after its maximum in all, and when its login's password or roles change (through the
 * {@link LoginDirectory}, on any node).
 */
@ProviderType
public interface ConsoleSessions {

    /**
     * Starts a session for a login the realm accepted.
     *
     * @param login   the login
     * @param roles   the roles the realm granted it
     * @param idle    how long the session lasts without a request
     * @param maximum how long it lasts at most
     * @return the session, with the token its cookie carries
     */
    ConsoleSession open(String login, Set<String> roles, Duration idle, Duration maximum);

    /** The live session of a token, marked as used now; empty when there is none or it has ended. */
    Optional<ConsoleSession> find(String token);

    /** Ends a session (sign-out); nothing happens for an unknown token. */
    void close(String token);
}
