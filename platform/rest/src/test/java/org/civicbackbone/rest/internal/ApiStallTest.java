package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.Test;

public class ApiStallTest {

    private long now = 1_000_000_000L;
    private final ApiStall stall = new ApiStall(() -> now);

    private void later(Duration by) {
        now += by.toNanos();
    }

    @Test
    public void aGapIsCountedFromTheFirstRequestThatMetItAndEndsWhenOneIsServed() {
        assertEquals(Duration.ZERO, stall.gap());
        later(Duration.ofSeconds(20));
        assertEquals(Duration.ofSeconds(20), stall.gap());
        stall.served();
        later(Duration.ofSeconds(5));
        assertEquals("a new gap starts afresh", Duration.ZERO, stall.gap());
    }

    @Test
    public void aStallIsReportedOnceAMinuteInAndOncePerStall() {
        stall.gap();
        later(Duration.ofSeconds(59));
        assertFalse("a start or a rebuild is not a stall", stall.firstReport(stall.gap()));
        later(Duration.ofSeconds(1));
        assertTrue(stall.firstReport(stall.gap()));
        later(Duration.ofSeconds(30));
        assertFalse("reported once", stall.firstReport(stall.gap()));

        stall.served();
        stall.gap();
        later(Duration.ofMinutes(2));
        assertTrue("the next stall is reported again", stall.firstReport(stall.gap()));
    }

    @Test
    public void theReportNamesABlockedThreadAndWhoHoldsItsLock() throws InterruptedException {
        Object registry = new Object();
        CountDownLatch waiting = new CountDownLatch(1);
        Thread blocked = new Thread(() -> {
            waiting.countDown();
            synchronized (registry) {
                registry.hashCode();
            }
        }, "whiteboard-stand-in");
        synchronized (registry) {
            blocked.start();
            waiting.await();
            while (blocked.getState() != Thread.State.BLOCKED) {
                Thread.sleep(5);
            }
            String report = ApiStall.waitingThreads();
            assertTrue(report, report.contains("\"whiteboard-stand-in\" BLOCKED on java.lang.Object@"));
            assertTrue(report, report.contains("held by \"" + Thread.currentThread().getName() + "\""));
        }
        blocked.join();
    }
}
