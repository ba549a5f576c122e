package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.OPTIONS;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import org.civicbackbone.api.initiative.AccessRole;
import org.civicbackbone.api.initiative.InitiativeAccess;
import org.civicbackbone.api.rest.Audience;
import org.junit.Test;

public class AuthorisationTest {

    /** alice is staff of riverbend, bob a member, pia a partner, olga an observer; nobody else has a role. */
    private static final Map<String, AccessRole> RIVERBEND = Map.of("alice", AccessRole.BACKBONE_STAFF,
            "bob", AccessRole.BODY_MEMBER, "pia", AccessRole.PARTNER, "olga", AccessRole.OBSERVER);

    private final AccessRules rules = new AccessRules(new InitiativeAccess() {
        @Override
        public Optional<AccessRole> role(String initiativeId, String login, boolean admin) {
            return admin ? Optional.of(AccessRole.PLATFORM_ADMIN)
                    : initiativeId.equals("riverbend") ? Optional.ofNullable(RIVERBEND.get(login)) : Optional.empty();
        }

        @Override
        public Set<String> visible(String login, boolean admin) {
            return Set.of();
        }
    });

    private Integer status(Audience audience, String user, String initiative) {
        var problem = rules.refusal(audience, user, "admin".equals(user), initiative);
        return problem == null ? null : problem.status();
    }

    @Test
    public void strangersLearnNothing() {
        assertEquals(Integer.valueOf(404), status(Audience.READERS, "mallory", "riverbend"));
        assertEquals(Integer.valueOf(404), status(Audience.CONTRIBUTORS, "mallory", "riverbend"));
        assertEquals(Integer.valueOf(404), status(Audience.STAFF, "mallory", "riverbend"));
        assertEquals(Integer.valueOf(404), status(Audience.READERS, "alice", "eastside"));
    }

    @Test
    public void rolesDecideWrites() {
        assertNull(status(Audience.READERS, "olga", "riverbend"));
        assertEquals(Integer.valueOf(403), status(Audience.CONTRIBUTORS, "olga", "riverbend"));
        assertNull(status(Audience.CONTRIBUTORS, "bob", "riverbend"));
        assertNull(status(Audience.CONTRIBUTORS, "pia", "riverbend"));
        assertEquals(Integer.valueOf(403), status(Audience.STAFF, "bob", "riverbend"));
        assertEquals(Integer.valueOf(403), status(Audience.STAFF, "pia", "riverbend"));
        assertNull(status(Audience.STAFF, "alice", "riverbend"));
        assertNull(status(Audience.STAFF, "admin", "eastside"));
    }

    @Test
    public void platformAudiences() {
        assertEquals(Integer.valueOf(403), status(Audience.PLATFORM_ADMINS, "alice", null));
        assertNull(status(Audience.PLATFORM_ADMINS, "admin", null));
        assertNull(status(Audience.LOGGED_IN, "mallory", null));
        assertEquals(Integer.valueOf(401), status(Audience.LOGGED_IN, null, null));
        assertEquals(Integer.valueOf(401), status(Audience.READERS, null, "riverbend"));
        assertNull(status(Audience.PUBLIC, null, null));
    }

    @Test
    public void failsClosed() {
        assertEquals(Integer.valueOf(403), status(null, "admin", "riverbend"));
        assertEquals(Integer.valueOf(403), status(Audience.READERS, "admin", null));
    }

    /** Every resource method of the REST bundle declares its audience (the itests check every installed bundle). */
    @Test
    public void everyCoreResourceMethodDeclaresWhoMayCall() {
        List<String> undeclared = new ArrayList<>();
        for (Class<?> resource : List.of(InitiativesResource.class, GovernanceResource.class, StaffResource.class,
                ModulesResource.class, HealthResource.class, LoginsResource.class, PeopleResource.class)) {
            for (Method m : resource.getMethods()) {
                boolean resourceMethod = List.of(GET.class, POST.class, PUT.class, DELETE.class, HEAD.class,
                        OPTIONS.class, PATCH.class).stream().anyMatch(m::isAnnotationPresent);
                if (resourceMethod && AccessDeclarations.declared(resource, m) == null) {
                    undeclared.add(resource.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertEquals(List.of(), undeclared);
    }
}
