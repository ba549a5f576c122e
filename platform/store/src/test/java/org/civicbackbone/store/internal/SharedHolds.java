package org.civicbackbone.store.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicbackbone.api.store.BackboneStore;

/**
 * Two units of work holding one name shared (two writes of one organisation's id), and a third taking it whole (its
 * merge) while they do: the shared two run together, and the whole one starts only once both have ended.
 */
final class SharedHolds {

    /** What came of it. */
    record Outcome(boolean sharedHeldTogether, boolean wholeWaitedForBoth) {
    }

    private SharedHolds() {
    }

    /** Runs the three on {@code first} and {@code second} (one store twice, or two nodes of one database). */
    static Outcome run(BackboneStore first, BackboneStore second, ExecutorService threads) throws Exception {
        String name = "core:organisation:" + System.nanoTime();
        CountDownLatch bothShared = new CountDownLatch(2);
        CountDownLatch wholeAsked = new CountDownLatch(1);
        AtomicInteger sharedEnded = new AtomicInteger();
        AtomicBoolean together = new AtomicBoolean(true);
        Future<?> one = threads.submit(() -> holdShared(first, name, bothShared, wholeAsked, together, sharedEnded));
        Future<?> two = threads.submit(() -> holdShared(second, name, bothShared, wholeAsked, together, sharedEnded));
        if (!bothShared.await(10, TimeUnit.SECONDS)) {
            together.set(false);
        }
        Future<Boolean> whole = threads.submit(() -> second.inTransaction(c -> {
            wholeAsked.countDown();
            second.holdUntilCommit(c, name);
            return sharedEnded.get() == 2;
        }));
        one.get(30, TimeUnit.SECONDS);
        two.get(30, TimeUnit.SECONDS);
        return new Outcome(together.get(), whole.get(30, TimeUnit.SECONDS));
    }

    private static Void holdShared(BackboneStore store, String name, CountDownLatch bothShared,
                                   CountDownLatch wholeAsked, AtomicBoolean together, AtomicInteger ended) {
        return store.inTransaction(c -> {
            store.holdSharedUntilCommit(c, name);
            bothShared.countDown();
            try {
                if (!bothShared.await(10, TimeUnit.SECONDS)) { // the other could not hold it beside this one
                    together.set(false);
                }
                wholeAsked.await(10, TimeUnit.SECONDS);
                Thread.sleep(300); // time for a whole holder that does not wait to get in before this ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            ended.incrementAndGet(); // before its commit lets go of the lock
            return null;
        });
    }
}
