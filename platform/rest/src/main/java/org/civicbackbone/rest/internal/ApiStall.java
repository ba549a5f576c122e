package org.civicbackbone.rest.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * How long the REST API has answered nothing but the gap of a rebuild ({@link RebuildGap}). A rebuild takes well under
 * a second and a start about ten; a gap that lasts a minute is a runtime that will not come back by itself (two
 * components each waiting for the other's service did that once, ADR 0025), so it is reported once per stall with the
 * threads that wait: the log then names the cause instead of every request saying "being reconfigured".
 */
final class ApiStall {

    /** A gap this long is a stall. */
    static final Duration LONG = Duration.ofMinutes(1);
    private static final long NONE = Long.MIN_VALUE;

    private final LongSupplier nanoTime;
    private final AtomicLong since = new AtomicLong(NONE);
    private final AtomicBoolean reported = new AtomicBoolean();

    ApiStall(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** A request met the gap: how long the gap has lasted, counted from the first request that met it. */
    Duration gap() {
        long now = nanoTime.getAsLong();
        since.compareAndSet(NONE, now);
        return Duration.ofNanos(now - since.get());
    }

    /** A request was served: the gap, if there was one, is over. */
    void served() {
        if (since.get() != NONE) {
            since.set(NONE);
            reported.set(false);
        }
    }

    /** True once per stall: when a gap has lasted {@link #LONG}, the first time it is asked. */
    boolean firstReport(Duration lasted) {
        return lasted.compareTo(LONG) >= 0 && reported.compareAndSet(false, true);
    }

    /**
     * The threads that wait for a lock or for another thread, with their stacks: blocked ones, and waiting ones inside
     * the service registry, the component runtime or the JAX-RS whiteboard.
     */
    static String waitingThreads() {
        return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(true, true))
                .filter(ApiStall::waitsInTheRuntime)
                .map(ApiStall::describe)
                .collect(Collectors.joining("\n"));
    }

    private static boolean waitsInTheRuntime(ThreadInfo thread) {
        if (thread.getThreadState() == Thread.State.BLOCKED) {
            return true;
        }
        boolean waiting = thread.getThreadState() == Thread.State.WAITING
                || thread.getThreadState() == Thread.State.TIMED_WAITING;
        return waiting && Arrays.stream(thread.getStackTrace()).anyMatch(frame -> frame.getClassName()
                .startsWith("org.apache.felix.scr") || frame.getClassName().startsWith("org.apache.felix.framework")
                || frame.getClassName().startsWith("org.apache.aries.jax.rs"));
    }

    private static String describe(ThreadInfo thread) {
        StringBuilder told = new StringBuilder("\"" + thread.getThreadName() + "\" " + thread.getThreadState());
        if (thread.getLockName() != null) {
            told.append(" on ").append(thread.getLockName());
        }
        if (thread.getLockOwnerName() != null) {
            told.append(" held by \"").append(thread.getLockOwnerName()).append('"');
        }
        Arrays.stream(thread.getStackTrace()).limit(15).forEach(frame -> told.append("\n    at ").append(frame));
        return told.toString();
    }
}
