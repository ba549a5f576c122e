package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicbackbone.api.initiative.AccessRole;
import org.civicbackbone.api.initiative.InitiativeAccess;
import org.junit.Test;

public class AuthorisationTest {

    /** alice is staff of riverbend, bob a member, olga an observer; nobody else has a role. */
    private static final Map<String, AccessRole> RIVERBEND = Map.of("alice", AccessRole.BACKBONE_STAFF,
            "bob", AccessRole.BODY_MEMBER, "olga", AccessRole.OBSERVER);

    private final BasicAuthentication auth = new BasicAuthentication(new BasicAuthentication.Config() {
        @Override
        public String realm() {
            return "karaf";
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return BasicAuthentication.Config.class;
        }
    }, new InitiativeAccess() {
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

    private Integer status(String method, String path, String user) {
        var problem = auth.authorise(method, path, user, user.equals("admin"));
        return problem == null ? null : problem.status();
    }

    @Test
    public void strangersLearnNothing() {
        assertEquals(Integer.valueOf(404), status("GET", "api/v1/initiatives/riverbend", "mallory"));
        assertEquals(Integer.valueOf(404), status("POST", "api/v1/initiatives/riverbend/shared-measurement/indicators", "mallory"));
        assertEquals(Integer.valueOf(404), status("GET", "api/v1/initiatives/eastside/governance", "alice"));
    }

    @Test
    public void rolesDecideWrites() {
        assertNull(status("GET", "api/v1/initiatives/riverbend/governance", "olga"));
        assertEquals(Integer.valueOf(403), status("POST", "api/v1/initiatives/riverbend/governance/proposals", "olga"));
        assertNull(status("POST", "api/v1/initiatives/riverbend/governance/proposals/1/votes", "bob"));
        assertEquals(Integer.valueOf(403), status("POST", "api/v1/initiatives/riverbend/bodies", "bob"));
        assertEquals(Integer.valueOf(403), status("PUT", "api/v1/initiatives/riverbend", "bob"));
        assertNull(status("PUT", "api/v1/initiatives/riverbend", "alice"));
        assertNull(status("POST", "api/v1/initiatives/riverbend/bodies/3/members", "alice"));
    }

    @Test
    public void onlyAdminsCreateInitiatives() {
        assertEquals(Integer.valueOf(403), status("POST", "api/v1/initiatives", "alice"));
        assertNull(status("POST", "api/v1/initiatives/", "admin"));
        assertNull(status("GET", "api/v1/initiatives", "alice"));
        assertNull(status("GET", "api/v1/health", "mallory"));
    }
}
