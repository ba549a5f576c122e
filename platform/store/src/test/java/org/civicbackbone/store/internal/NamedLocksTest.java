package org.civicbackbone.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * A hold that waits longer than the patience is refused as H2 refuses a row lock it waited for too long, so a cycle of
 * waits ends (two writes each holding what the other waits for hung for good before); its unit of work ends normally.
 */
public class NamedLocksTest {

    private final NamedLocks locks = new NamedLocks(Duration.ofMillis(300));
    private final ExecutorService other = Executors.newSingleThreadExecutor();
    private Connection first;
    private Connection second;

    @Before
    public void setUp() throws SQLException {
        first = DriverManager.getConnection("jdbc:h2:mem:named-locks-first");
        second = DriverManager.getConnection("jdbc:h2:mem:named-locks-second");
    }

    @After
    public void tearDown() throws SQLException {
        other.shutdownNow();
        first.close();
        second.close();
    }

    @Test
    public void aHoldThatWaitsLongerThanThePatienceIsRefusedAsALockTimeout() throws Exception {
        locks.begin(first);
        locks.holdUntilEnd(first, "core:organisation:1", false);
        IllegalStateException refused = other.submit(() -> {
            locks.begin(second);
            try {
                return assertThrows(IllegalStateException.class,
                        () -> locks.holdUntilEnd(second, "core:organisation:1", true));
            } finally {
                locks.end(second);
            }
        }).get(30, TimeUnit.SECONDS);
        assertEquals("HYT00", ((SQLException) refused.getCause()).getSQLState()); // answered 503, send again
        locks.end(first);
        other.submit(() -> { // let go of by the first, it is taken at once
            locks.begin(second);
            locks.holdUntilEnd(second, "core:organisation:1", false);
            locks.end(second);
            return null;
        }).get(30, TimeUnit.SECONDS);
    }

    @Test
    public void twoWritesEachHoldingWhatTheOtherWaitsForEnd() throws Exception {
        locks.begin(first);
        locks.holdUntilEnd(first, "a", false);
        java.util.concurrent.CountDownLatch holdsB = new java.util.concurrent.CountDownLatch(1);
        var waiting = other.submit(() -> {
            locks.begin(second);
            try {
                locks.holdUntilEnd(second, "b", false);
                holdsB.countDown();
                locks.holdUntilEnd(second, "a", false); // waits for the first, which waits for this one
                return "held";
            } catch (IllegalStateException refused) {
                return "refused";
            } finally {
                locks.end(second);
            }
        });
        String firstEnded;
        try {
            holdsB.await();
            locks.holdUntilEnd(first, "b", false);
            firstEnded = "held";
        } catch (IllegalStateException refused) {
            firstEnded = "refused";
        } finally {
            locks.end(first);
        }
        String secondEnded = waiting.get(30, TimeUnit.SECONDS);
        // both end (before, both waited for good); one or both refused, rolled back and sent again
        org.junit.Assert.assertTrue(firstEnded + " and " + secondEnded,
                java.util.List.of(firstEnded, secondEnded).contains("refused"));
    }
}
