package org.civicbackbone.api.initiative;

import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who may see and change which initiative. A person's logins are linked to their memberships: a member of the
 * {@code backbone-team} body is staff, of a {@code partners} body a partner, of an {@code observers} body an
 * observer, of any other body a body member. A person with no role in an initiative must not learn that it exists.
 */
@ProviderType
public interface InitiativeAccess {

    /** The person's strongest role in the initiative, if any; platform admins have one in every initiative. */
    Optional<AccessRole> role(String initiativeId, String login, boolean platformAdmin);

    /** The ids of the initiatives the person has a role in (every initiative for a platform admin). */
    Set<String> visible(String login, boolean platformAdmin);
}
