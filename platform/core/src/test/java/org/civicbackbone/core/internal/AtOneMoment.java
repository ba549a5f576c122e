package org.civicbackbone.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civicbackbone.api.problem.ProblemException;

/** The same request made by several people at one moment, as their clicks arrive: what each was answered. */
final class AtOneMoment {

    private AtOneMoment() {
    }

    /**
     * Runs {@code request} on {@code times} threads released together; each answer is 201 when it returned, or the
     * status of the problem it was refused with, sorted. Any other failure is thrown, with its cause.
     */
    static List<Integer> answers(int times, Runnable request) throws Exception {
        ExecutorService clicks = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch together = new CountDownLatch(times);
            List<Callable<Integer>> requests = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                requests.add(() -> {
                    together.countDown();
                    together.await();
                    try {
                        request.run();
                        return 201;
                    } catch (ProblemException refused) {
                        return refused.problem().status();
                    }
                });
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> answer : clicks.invokeAll(requests)) {
                answers.add(answer.get());
            }
            answers.sort(null);
            return answers;
        } finally {
            clicks.shutdownNow();
        }
    }

    /** One 201 and a 409 for each other request: what a name taken at one moment should answer. */
    static List<Integer> oneCreatedTheRestConflicting(int times) {
        List<Integer> expected = new ArrayList<>(List.of(201));
        for (int i = 1; i < times; i++) {
            expected.add(409);
        }
        return expected;
    }
}
