package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.Test;

public class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    public void holdsAUserAtOneAddressAfterTheLimitUntilTheWindowPasses() {
        MovingClock clock = new MovingClock();
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(5), clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, throttle.retryAfterSeconds("mallory", "10.0.0.1"));
            throttle.failed("mallory", "10.0.0.1");
        }
        assertEquals(300, throttle.retryAfterSeconds("mallory", "10.0.0.1"));
        assertEquals("case does not make another user", 300, throttle.retryAfterSeconds("MALLORY", "10.0.0.1"));
        assertEquals("another address is not held", 0, throttle.retryAfterSeconds("mallory", "10.0.0.2"));
        assertEquals("another user is not held", 0, throttle.retryAfterSeconds("alice", "10.0.0.1"));
        clock.now = clock.now.plusSeconds(120);
        assertEquals(180, throttle.retryAfterSeconds("mallory", "10.0.0.1"));
        clock.now = clock.now.plusSeconds(181);
        assertEquals(0, throttle.retryAfterSeconds("mallory", "10.0.0.1"));
    }

    @Test
    public void anAddressGuessingManyUsersIsHeldAtTenTimesTheLimit() {
        LoginThrottle throttle = new LoginThrottle(2, Duration.ofMinutes(5), new MovingClock());
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertTrue(throttle.retryAfterSeconds("someone-new", "10.0.0.9") > 0);
        throttle.succeeded("user1", "10.0.0.9");
        assertTrue("a success clears only that user's own failures", throttle.retryAfterSeconds("user1", "10.0.0.9") > 0);
    }
}
