package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;

/** Console sessions end when signed out, when idle too long, when too old, and when the realm changes. */
public class SignedInSessionsTest {

    private static final long MINUTE = 60_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000);
    private final SignedInSessions sessions = new SignedInSessions(30 * MINUTE, 12 * 60 * MINUTE, now::get);
    private final VerifiedLogins.Verified alice = new VerifiedLogins.Verified("alice", Set.of("viewer"));

    @Test
    public void aSessionIsTheLoginWithItsOwnRandomTokens() {
        Map.Entry<String, SignedInSessions.Session> one = sessions.open(alice, "entry-1");
        Map.Entry<String, SignedInSessions.Session> two = sessions.open(alice, "entry-1");
        assertNotEquals(one.getKey(), two.getKey());
        assertNotEquals(one.getValue().csrfToken(), two.getValue().csrfToken());
        assertNotEquals(one.getKey(), one.getValue().csrfToken());
        assertEquals(43, one.getKey().length()); // 32 random bytes
        SignedInSessions.Session found = sessions.find(one.getKey());
        assertEquals("alice", found.user());
        assertEquals(Set.of("viewer"), found.roles());
        assertNull(sessions.find("forged"));
        assertNull(sessions.find(null));
    }

    @Test
    public void useKeepsASessionAliveUntilItsLimit() {
        String token = sessions.open(alice, "entry-1").getKey();
        for (int i = 0; i < 24; i++) {
            now.addAndGet(29 * MINUTE);
            assertNotNull("used every 29 minutes, hour " + (i * 29 / 60), sessions.find(token));
        }
        now.addAndGet(29 * MINUTE); // 12 h 5 min after signing in
        assertNull(sessions.find(token));
    }

    @Test
    public void anIdleSessionEnds() {
        String token = sessions.open(alice, "entry-1").getKey();
        now.addAndGet(30 * MINUTE);
        assertEquals(0, sessions.remainingNanos(sessions.find(token)) - 30 * MINUTE);
        now.addAndGet(30 * MINUTE + 1);
        assertNull(sessions.find(token));
    }

    @Test
    public void signingOutAndARealmChangeEndSessions() {
        String first = sessions.open(alice, "entry-1").getKey();
        String second = sessions.open(alice, "entry-1").getKey();
        sessions.close(first);
        assertNull(sessions.find(first));
        assertNotNull(sessions.find(second));
        sessions.forgetAll();
        assertNull(sessions.find(second));
    }

    @Test
    public void aChangedRealmEntryEndsOnlyThatLoginsSessions() {
        VerifiedLogins.Verified bob = new VerifiedLogins.Verified("bob", Set.of("viewer"));
        String alices = sessions.open(alice, "alice-1").getKey();
        String bobs = sessions.open(bob, "bob-1").getKey();
        sessions.endChanged(Map.of("alice", "alice-1", "bob", "bob-2")::get); // bob's password was changed
        assertNotNull(sessions.find(alices));
        assertNull(sessions.find(bobs));
        sessions.endChanged(Map.of("bob", "bob-2")::get); // alice's login was removed
        assertNull(sessions.find(alices));
    }
}
