package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

public class VerifiedLoginsTest {

    private long now = 1_000;
    private final VerifiedLogins logins = new VerifiedLogins(TimeUnit.SECONDS.toNanos(30), () -> now);
    private final VerifiedLogins.Verified ada = new VerifiedLogins.Verified("ada", Set.of("viewer"));

    @Test
    public void aLoginIsTrustedWithTheSamePasswordOnlyAndUntilItExpires() {
        logins.remember("ada", "secret", ada, logins.generation());
        assertEquals(ada, logins.find("ada", "secret"));
        assertNull("another password is checked by the realm", logins.find("ada", "Secret"));
        assertNull("another user is checked by the realm", logins.find("bob", "secret"));
        now += TimeUnit.SECONDS.toNanos(29);
        assertEquals(ada, logins.find("ada", "secret"));
        now += TimeUnit.SECONDS.toNanos(2);
        assertNull("expired", logins.find("ada", "secret"));
    }

    @Test
    public void forgettingDropsEveryLoginAndRefusesOnesCheckedBeforeIt() {
        logins.remember("ada", "secret", ada, logins.generation());
        long checkedIn = logins.generation();
        logins.forgetAll();
        assertNull(logins.find("ada", "secret"));
        logins.remember("ada", "secret", ada, checkedIn);
        assertNull("checked against the realm before it changed: not remembered", logins.find("ada", "secret"));
    }

    @Test
    public void aZeroTimeRemembersNothing() {
        VerifiedLogins none = new VerifiedLogins(0, () -> now);
        none.remember("ada", "secret", ada, none.generation());
        assertNull(none.find("ada", "secret"));
    }
}
