package org.civicbackbone.core.internal.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.civicbackbone.api.audit.AuditEntry;
import org.civicbackbone.api.login.ConsoleSession;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.core.internal.DatabaseSessions;
import org.civicbackbone.core.internal.JdbcAuditLog;
import org.civicbackbone.core.internal.PlatformLoginModule;
import org.civicbackbone.core.internal.governance.RealmLogins;
import org.civicbackbone.store.internal.MemoryStore;
import org.junit.Before;
import org.junit.Test;

/**
 * Karaf's {@code jaas:} shell commands on the platform's realm, through the backing engine they are given, on an
 * in-memory H2: each change is audited and ends the changed login's console sessions, and no one else's.
 */
public class ShellLoginsTest {

    private BackboneStore store;
    private RealmLogins logins;
    private JdbcAuditLog audit;
    private ShellLogins shell;
    private DatabaseSessions sessions;

    @Before
    public void setUp() {
        store = MemoryStore.fresh();
        logins = RealmLogins.storing(store, password -> "{hashed}" + password);
        audit = new JdbcAuditLog(store);
        shell = new ShellLogins(store, audit, logins, () -> "admin");
        sessions = new DatabaseSessions(store);
        store.inTransaction(c -> {
            logins.create(c, "ann", "first password", List.of("viewer"));
            logins.create(c, "ben", "first password", List.of("viewer"));
            logins.create(c, "admin", "first password", List.of("viewer", "admin"));
            return null;
        });
    }

    @Test
    public void theKarafCommandsFindThisEngineByTheRealmsModuleClass() {
        ShellLoginAdministration engines = new ShellLoginAdministration(store, audit, logins);
        assertEquals(PlatformLoginModule.class.getName(), engines.getModuleClass());
        assertTrue(engines.build(java.util.Map.of()) instanceof ShellLogins);
    }

    @Test
    public void aLoginAddedInTheShellHoldsTheMemberRoleAndIsAudited() {
        shell.addUser("cleo", "a long password");
        assertEquals(List.of("admin", "ann", "ben", "cleo"),
                shell.listUsers().stream().map(UserPrincipal::getName).toList());
        assertEquals(List.of("viewer"), shell.listRoles(new UserPrincipal("cleo")).stream()
                .map(RolePrincipal::getName).toList());
        assertEquals("login.create", newest().action());
        assertEquals("admin", newest().actor());
    }

    @Test
    public void addingAnExistingLoginGivesItANewPasswordAndEndsItsSessionsOnly() {
        ConsoleSession ann = open("ann");
        ConsoleSession ben = open("ben");
        shell.addUser("ann", "second password");
        assertTrue(sessions.find(ann.token()).isEmpty());
        assertTrue(sessions.find(ben.token()).isPresent());
        assertEquals("login.password", newest().action());
    }

    @Test
    public void aRoleGivenOrTakenEndsThatLoginsSessionsAndIsSeenByEveryNode() throws Exception {
        ConsoleSession ann = open("ann");
        ConsoleSession ben = open("ben");
        Instant before = logins.lastChange();
        Thread.sleep(5);
        shell.addRole("ann", "admin");
        assertTrue(sessions.find(ann.token()).isEmpty());
        assertTrue(sessions.find(ben.token()).isPresent());
        assertTrue("every node checks remembered passwords again", logins.lastChange().isAfter(before));
        assertEquals(List.of("admin", "viewer"), store.read(c -> logins.login(c, "ann")).roles());

        ConsoleSession again = open("ann");
        shell.deleteRole("ann", "admin");
        assertTrue(sessions.find(again.token()).isEmpty());
        assertEquals(List.of("viewer"), store.read(c -> logins.login(c, "ann")).roles());
        assertEquals("role admin taken from login ann (shell)", newest().detail());
    }

    @Test
    public void aRemovedLoginLosesItsRolesAndSessionsAndEveryNodeForgetsIt() throws Exception {
        ConsoleSession ann = open("ann");
        ConsoleSession ben = open("ben");
        Instant before = logins.lastChange();
        Thread.sleep(5);
        shell.deleteUser("ann");
        assertNull(store.read(c -> logins.login(c, "ann")));
        assertNull(shell.lookupUser("ann"));
        assertTrue(sessions.find(ann.token()).isEmpty());
        assertTrue(sessions.find(ben.token()).isPresent());
        assertTrue("a removal leaves no row, yet every node sees it", logins.lastChange().isAfter(before));
        assertEquals("login.delete", newest().action());
        Instant afterFirst = logins.lastChange();
        Thread.sleep(5);
        shell.deleteUser("ben");
        assertTrue("and the next removal too", logins.lastChange().isAfter(afterFirst));
    }

    @Test
    public void theLastPlatformAdminKeepsTheRoleAndTheLogin() {
        int entries = audit.recent(null, 100).size();
        ProblemException refused = assertThrows(ProblemException.class, () -> shell.deleteRole("admin", "admin"));
        assertEquals(409, refused.problem().status());
        assertThrows(ProblemException.class, () -> shell.deleteUser("admin"));
        assertTrue(store.read(c -> logins.login(c, "admin")).platformAdmin());
        assertEquals("nothing was audited", entries, audit.recent(null, 100).size());

        shell.addRole("ann", "admin"); // with a second admin, either may go
        shell.deleteUser("admin");
        assertNull(store.read(c -> logins.login(c, "admin")));
        assertThrows(ProblemException.class, () -> shell.deleteRole("ann", "admin"));
    }

    @Test
    public void badInputIsRefusedAndChangesNothing() {
        int entries = audit.recent(null, 100).size();
        assertThrows(IllegalArgumentException.class, () -> shell.addUser("Not A Name", "a long password"));
        assertThrows(IllegalArgumentException.class, () -> shell.addUser("dora", "short"));
        assertThrows(IllegalArgumentException.class, () -> shell.deleteUser("nobody"));
        assertThrows(IllegalArgumentException.class, () -> shell.addRole("nobody", "admin"));
        assertThrows(UnsupportedOperationException.class, () -> shell.createGroup("staff"));
        assertEquals(List.of("admin", "ann", "ben"), shell.listUsers().stream().map(UserPrincipal::getName).toList());
        assertEquals("nothing was audited", entries, audit.recent(null, 100).size());
    }

    private ConsoleSession open(String login) {
        return sessions.open(login, Set.of("viewer"), Duration.ofMinutes(30), Duration.ofHours(12));
    }

    private AuditEntry newest() {
        return audit.recent(null, 1).get(0);
    }
}
