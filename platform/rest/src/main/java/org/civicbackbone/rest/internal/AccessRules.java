package org.civicbackbone.rest.internal;

import java.util.List;
import java.util.Optional;
import org.civicbackbone.api.initiative.AccessRole;
import org.civicbackbone.api.initiative.InitiativeAccess;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.rest.Audience;

/**
 * Who may call a resource method, decided on its declaration and on what the request matched: the login (null when
 * none was given) and the decoded {@code initiativeId} path parameter. Nobody learns of an initiative they have no
 * role in (404, as if it did not exist); a method with no declaration is refused.
 */
final class AccessRules {

    /** The role that makes a login a platform admin. */
    static final String ADMIN_ROLE = "admin";

    private final InitiativeAccess access;

    AccessRules(InitiativeAccess access) {
        this.access = access;
    }

    /** The refusal, or null when the caller may go on. */
    Problem refusal(Audience audience, String user, boolean admin, String initiativeId) {
        if (audience == null) {
            return forbidden("This address declares no access rule, so it is closed to everyone.");
        }
        if (audience == Audience.PUBLIC) {
            return null;
        }
        if (user == null) {
            return unauthenticated();
        }
        if (audience == Audience.LOGGED_IN) {
            return null;
        }
        if (audience == Audience.PLATFORM_ADMINS) {
            return admin ? null : forbidden("Only platform admins may do this.");
        }
        if (initiativeId == null || initiativeId.isBlank()) {
            return forbidden("This address names no initiative, so its access rule cannot be applied.");
        }
        Optional<AccessRole> role = access.role(initiativeId, user, admin);
        if (role.isEmpty()) {
            return Problem.notFound("There is no initiative '" + initiativeId + "'.");
        }
        return switch (audience) {
            case READERS -> null;
            case CONTRIBUTORS -> role.get().writes() ? null
                    : forbidden("Observers of '" + initiativeId + "' read only.");
            case STAFF -> role.get().governsSetup() ? null
                    : forbidden("Only backbone staff and platform admins change the set-up of '" + initiativeId + "'.");
            default -> forbidden("Unknown access rule " + audience + ".");
        };
    }

    static Problem unauthenticated() {
        return new Problem("urn:civicbackbone:problem:unauthenticated", "Unauthorized", 401,
                "Log in with HTTP Basic authentication (user and password of the platform).", List.of());
    }

    static Problem forbidden(String detail) {
        return new Problem("urn:civicbackbone:problem:forbidden", "Forbidden", 403, detail, List.of());
    }
}
