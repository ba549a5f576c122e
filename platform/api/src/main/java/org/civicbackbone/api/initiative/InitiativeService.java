package org.civicbackbone.api.initiative;

import java.sql.Connection;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Initiatives, their governance bodies and memberships. Every write is transactional and audited under the
 * acting user's name. Failures are thrown as {@link org.civicbackbone.api.problem.ProblemException}.
 */
@ProviderType
public interface InitiativeService {

    /** All initiatives, sorted by name. */
    List<Initiative> list();

    /** The initiative with this id, if it exists. */
    Optional<Initiative> find(String initiativeId);

    /**
     * The initiative, provided that it exists (404 problem otherwise) and uses the function (409 problem
     * otherwise). Function modules call this first on every request.
     */
    Initiative requireFunction(String initiativeId, String functionId);

    /**
     * Makes the checks of {@link #requireFunction} without reading the initiative: the check a function module makes
     * first on every request, answered by one indexed look-up (1.3).
     */
    default void checkFunctionInUse(String initiativeId, String functionId) {
        requireFunction(initiativeId, functionId);
    }

    /** Creates an initiative. */
    Initiative create(InitiativeSpec spec, String actor);

    /** Replaces an initiative's name, statements, model and enabled functions; the id stays. */
    Initiative update(String initiativeId, InitiativeSpec spec, String actor);

    /** Enables an installed function for the initiative (nothing changes if it is enabled already). */
    Initiative enableFunction(String initiativeId, String functionId, String actor);

    /** Disables a function for the initiative; its data stays and comes back when it is enabled again. */
    Initiative disableFunction(String initiativeId, String functionId, String actor);

    /** The initiative's sitting governance bodies (retired ones are left out). */
    List<GovernanceBody> bodies(String initiativeId);

    /**
     * Adds a governance body. Its type must be one the initiative's structure model names, one of the platform's, or
     * declared custom (400 naming {@code type} otherwise).
     */
    GovernanceBody addBody(String initiativeId, BodySpec spec, String actor);

    /**
     * Renames a sitting body or changes its type, checked as {@link #addBody} checks it (1.2). A body with sitting seats
     * does not become the {@code backbone-team} (409 naming {@code type}): its members would be staff no hire made.
     */
    GovernanceBody updateBody(String initiativeId, long bodyId, BodySpec spec, String actor);

    /** Retires a body and its seats; they stay on record and decide nothing from now on (1.2). */
    GovernanceBody retireBody(String initiativeId, long bodyId, String actor);

    /** The members holding a seat on one sitting body. */
    List<Membership> members(String initiativeId, long bodyId);

    /** Every seat held across the initiative's sitting bodies. */
    List<Membership> members(String initiativeId);

    /**
     * The seats held on the initiative's sitting bodies of the given types, read in the caller's transaction with the
     * initiative's seats held: a change of its bodies, seats or people waits until that transaction ends, so a rule
     * that stands on who sits where (only a member of the bodies that decide may speak for the initiative) still holds
     * when the caller's write commits. 404 for an unknown initiative (1.10).
     */
    List<Membership> heldSeats(Connection transaction, String initiativeId, Collection<String> bodyTypes);

    /**
     * Adds a member to a body. A seat on the {@code backbone-team} is a hire, which only an approved proposal makes
     * ({@code StaffService}): 409 here.
     */
    Membership addMember(String initiativeId, long bodyId, MembershipSpec spec, String actor);

    /** Changes who holds a seat, for which organisation, in which role (1.2); not on the backbone team (409). */
    Membership updateMember(String initiativeId, long bodyId, long membershipId, MembershipSpec spec, String actor);

    /** Retires a seat: it stays on record and votes on nothing from now on (1.2). */
    Membership retireMember(String initiativeId, long bodyId, long membershipId, String actor);
}
