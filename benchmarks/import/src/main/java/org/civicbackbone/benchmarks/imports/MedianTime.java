package org.civicbackbone.benchmarks.imports;

import java.util.Arrays;

/** The median time of a piece of work after a warm-up: how the in-process benchmarks time a read and its anchor. */
final class MedianTime {

    private MedianTime() {
    }

    /** Runs the work {@code warmUps} times untimed, then {@code runs} times timed; the median in nanoseconds. */
    static long of(int warmUps, int runs, Runnable work) {
        for (int i = 0; i < warmUps; i++) {
            work.run();
        }
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            work.run();
            times[i] = System.nanoTime() - started;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }
}
