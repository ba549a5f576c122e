package org.civicbackbone.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.civicbackbone.api.login.ConsoleSession;
import org.civicbackbone.api.login.Login;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.core.internal.governance.RealmLogins;
import org.civicbackbone.store.internal.MemoryStore;
import org.junit.Before;
import org.junit.Test;

/**
 * The realm's logins and the console sessions in the database (ADR 0020), on an in-memory H2: two services on one
 * database stand for two nodes.
 */
public class LoginsAndSessionsTest {

    private BackboneStore store;
    private RealmLogins logins;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T10:00:00Z"));
    private final InstantSource clock = now::get;

    @Before
    public void setUp() {
        store = MemoryStore.fresh();
        logins = RealmLogins.storing(store, password -> "{hashed}" + password);
    }

    @Test
    public void aLoginIsKeptWithItsRolesAndItsPasswordAsTheRealmStoresIt() {
        store.inTransaction(c -> {
            logins.create(c, "ann", "correct horse", List.of("viewer", "admin"));
            return null;
        });
        Login ann = store.read(c -> logins.login(c, "ann"));
        assertEquals(List.of("admin", "viewer"), ann.roles());
        assertTrue(ann.platformAdmin());
        assertEquals("{hashed}correct horse", store.read(c -> password(c, "ann")));
        assertNull(store.read(c -> logins.login(c, "nobody")));
        assertEquals(Set.of("ann"), logins.names());
    }

    @Test
    public void aSessionStartedThroughOneNodeIsFoundThroughAnother() {
        DatabaseSessions nodeA = new DatabaseSessions(store, clock);
        DatabaseSessions nodeB = new DatabaseSessions(store, clock);
        ConsoleSession opened = nodeA.open("ann", Set.of("viewer"), Duration.ofMinutes(30), Duration.ofHours(12));
        ConsoleSession found = nodeB.find(opened.token()).orElseThrow();
        assertEquals("ann", found.login());
        assertEquals(Set.of("viewer"), found.roles());
        assertEquals(opened.csrfToken(), found.csrfToken());
        assertTrue(nodeB.find(opened.token() + "x").isEmpty());
        nodeB.close(opened.token());
        assertTrue(nodeA.find(opened.token()).isEmpty());
    }

    @Test
    public void onlyADigestOfTheTokenIsStored() {
        ConsoleSession opened = new DatabaseSessions(store, clock).open("ann", Set.of(), Duration.ofMinutes(30),
                Duration.ofHours(12));
        String kept = store.read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT token_digest FROM core_session")) {
                r.next();
                return r.getString(1);
            }
        });
        assertNotEquals(opened.token(), kept);
        assertEquals(DatabaseSessions.digest(opened.token()), kept);
    }

    @Test
    public void aSessionEndsWhenIdleTooLongAndAtItsMaximumHoweverBusy() {
        DatabaseSessions sessions = new DatabaseSessions(store, clock);
        ConsoleSession idle = sessions.open("ann", Set.of(), Duration.ofMinutes(30), Duration.ofHours(12));
        move(Duration.ofMinutes(29));
        assertTrue("used within its idle limit", sessions.find(idle.token()).isPresent());
        move(Duration.ofMinutes(29));
        assertTrue("the use 29 minutes ago was recorded", sessions.find(idle.token()).isPresent());
        move(Duration.ofMinutes(31));
        assertTrue("idle 31 minutes", sessions.find(idle.token()).isEmpty());

        ConsoleSession busy = sessions.open("ben", Set.of(), Duration.ofMinutes(30), Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            move(Duration.ofMinutes(10));
            assertTrue(sessions.find(busy.token()).isPresent());
        }
        move(Duration.ofMinutes(11));
        assertTrue("past its maximum", sessions.find(busy.token()).isEmpty());
    }

    @Test
    public void aNewPasswordEndsThatLoginsSessionsOnly() {
        store.inTransaction(c -> {
            logins.create(c, "ann", "first password", List.of("viewer"));
            logins.create(c, "ben", "first password", List.of("viewer"));
            return null;
        });
        DatabaseSessions sessions = new DatabaseSessions(store, clock);
        ConsoleSession ann = sessions.open("ann", Set.of("viewer"), Duration.ofMinutes(30), Duration.ofHours(12));
        ConsoleSession ben = sessions.open("ben", Set.of("viewer"), Duration.ofMinutes(30), Duration.ofHours(12));
        Instant before = logins.lastChange();
        move(Duration.ofSeconds(1));
        assertTrue(store.inTransaction(c -> logins.setPassword(c, "ann", "second password")));
        assertFalse(store.inTransaction(c -> logins.setPassword(c, "nobody", "second password")));
        assertTrue(sessions.find(ann.token()).isEmpty());
        assertTrue(sessions.find(ben.token()).isPresent());
        assertEquals("{hashed}second password", store.read(c -> password(c, "ann")));
        assertTrue("the change is seen by every node", logins.lastChange().isAfter(before));
    }

    @Test
    public void usersPropertiesSeedsTheLoginsTheDatabaseLacksOnly() {
        Properties file = new Properties();
        file.setProperty("admin", "{CRYPT}abc{CRYPT},_g_:admingroup");
        file.setProperty("_g_:admingroup", "group,admin,viewer");
        file.setProperty("clerk", "plain,viewer,clerk");
        store.inTransaction(c -> {
            logins.create(c, "clerk", "kept", List.of("viewer"));
            return null;
        });
        UsersFile.parse(file).copyMissing(store, password -> password.startsWith("{CRYPT}") ? password : "#" + password);
        Login admin = store.read(c -> logins.login(c, "admin"));
        assertEquals(List.of("admin", "viewer"), admin.roles());
        assertEquals("{CRYPT}abc{CRYPT}", store.read(c -> password(c, "admin")));
        assertEquals("the database's login is left as it is", "{hashed}kept", store.read(c -> password(c, "clerk")));
        assertEquals(List.of("viewer"), store.read(c -> logins.login(c, "clerk")).roles());
        assertFalse(logins.names().contains("_g_:admingroup"));
    }

    private void move(Duration by) {
        now.updateAndGet(at -> at.plus(by));
    }

    private static String password(java.sql.Connection c, String name) throws java.sql.SQLException {
        try (var s = c.prepareStatement("SELECT password FROM core_login WHERE name = ?")) {
            s.setString(1, name);
            try (var r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
