package org.civicbackbone.api.login;

import java.util.List;
import org.civicbackbone.api.initiative.Person;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's logins, kept in its database and checked by its JAAS realm ({@code karaf}), so that every node
 * knows the same logins. Every change is audited (never the password) in the transaction that makes it, and ends
 * the console sessions of the login it changes, not anyone else's. Unknown logins, initiatives and people answer 404
 * problems; a name already taken, 409.
 */
@ProviderType
public interface LoginDirectory {

    /** Every login of the realm, by name. */
    List<Login> logins();

    /** Creates a login; {@code actor} must be a platform admin, which the caller has checked. */
    Login create(LoginSpec spec, String actor);

    /**
     * Gives a login a new password; its console sessions end. The caller has checked that {@code actor} may: a
     * platform admin, or the login itself after its current password.
     */
    void setPassword(String login, PasswordSpec spec, String actor);

    /**
     * Gives a login the platform admin role or takes it; its console sessions end. Taking it from the last login that
     * holds it is refused (409), so the platform always has an admin. The caller has checked that {@code actor} is a
     * platform admin.
     *
     * @since 1.2
     */
    Login setPlatformAdmin(String login, boolean platformAdmin, String actor);

    /**
     * Removes a login with its roles and console sessions; every node refuses its password within the second. A
     * person whose login it was stays on the record, without a login. Refused (409) for the {@code actor}'s own login
     * and for the last platform admin's. The caller has checked that {@code actor} is a platform admin.
     *
     * @since 1.2
     */
    void remove(String login, String actor);

    /**
     * Creates a login for a person on an initiative's record and links it to them, so every seat they hold follows.
     * For an initiative's staff: the login is never a platform admin (422 when asked), and a person who already has
     * a login that exists in the realm is refused (409: reset its password instead).
     */
    Person createFor(String initiativeId, long personId, LoginSpec spec, String actor);

    /**
     * Gives the login of a person on an initiative's record a new password. For an initiative's staff, so it is
     * refused (403) for a platform admin's login and for a login that is on another initiative's record too: staff
     * of one initiative do not take over access to another.
     */
    void resetFor(String initiativeId, long personId, PasswordSpec spec, String actor);

    /**
     * When a login was last created, removed, or given a new password or roles, through any node: a password checked before
     * then is checked again.
     */
    java.time.Instant lastChange();
}
