package org.civicbackbone.core.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A request sent on another thread while a test holds a transaction open: how long it is given to finish first. */
public final class OtherRequest {

    private OtherRequest() {
    }

    /**
     * Gives the other request 2 s: one that does not wait for the test's transaction is done by then. What it came to
     * (done, refused, still waiting) is for the test to assert after.
     */
    public static void giveTwoSeconds(Future<?> other) {
        try {
            other.get(2, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException waitingOrRefused) {
            // asserted by the caller
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
