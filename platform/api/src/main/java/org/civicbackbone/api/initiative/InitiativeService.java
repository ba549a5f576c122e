package org.civicbackbone.api.initiative;

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

    /** Creates an initiative. */
    Initiative create(InitiativeSpec spec, String actor);

    /** Replaces an initiative's name, statements, model and enabled functions; the id stays. */
    Initiative update(String initiativeId, InitiativeSpec spec, String actor);

    /** Enables an installed function for the initiative (nothing changes if it is enabled already). */
    Initiative enableFunction(String initiativeId, String functionId, String actor);

    /** Disables a function for the initiative; its data stays and comes back when it is enabled again. */
    Initiative disableFunction(String initiativeId, String functionId, String actor);

    /** The initiative's governance bodies. */
    List<GovernanceBody> bodies(String initiativeId);

    /** Adds a governance body. */
    GovernanceBody addBody(String initiativeId, BodySpec spec, String actor);

    /** The members of one body. */
    List<Membership> members(String initiativeId, long bodyId);

    /** Every membership across the initiative's bodies. */
    List<Membership> members(String initiativeId);

    /** Adds a member to a body. */
    Membership addMember(String initiativeId, long bodyId, MembershipSpec spec, String actor);
}
