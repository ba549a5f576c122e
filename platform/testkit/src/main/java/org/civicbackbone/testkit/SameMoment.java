package org.civicbackbone.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import org.civicbackbone.api.problem.ProblemException;

/**
 * Sends one request several times at the same moment, as a double click, a client's retry and a colleague's click
 * can: for testing that a rule such as "no second working group of this name" holds when the requests race. Each
 * request runs on a thread of its own, and all are let go together. A rule that reads before it writes holds only if
 * it reads under the lock of {@code BackboneStore.holdUntilCommit}.
 */
public final class SameMoment {

    /** What came of the requests: how many were served, and the refusals of the others. */
    public record Outcome(int served, List<ProblemException> refused) {
    }

    private SameMoment() {
    }

    /**
     * Runs {@code request} {@code times} at once, each given its number (0 to {@code times - 1}). A failure other than
     * a {@link ProblemException} (a constraint of the database, a deadlock) fails the test, as does a request still
     * running after a minute.
     */
    public static Outcome run(int times, IntConsumer request) {
        ExecutorService threads = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch ready = new CountDownLatch(times);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                int number = i;
                sent.add(threads.submit(() -> {
                    ready.countDown();
                    ready.await();
                    request.accept(number);
                    return null;
                }));
            }
            int served = 0;
            List<ProblemException> refused = new ArrayList<>();
            for (Future<?> one : sent) {
                try {
                    one.get(1, TimeUnit.MINUTES);
                    served++;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof ProblemException problem)) {
                        throw new AssertionError("A request failed otherwise than by a refusal: " + e.getCause(),
                                e.getCause());
                    }
                    refused.add(problem);
                } catch (TimeoutException e) {
                    throw new AssertionError("A request was still running after a minute", e);
                }
            }
            return new Outcome(served, List.copyOf(refused));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while the requests ran", e);
        } finally {
            threads.shutdownNow();
        }
    }
}
