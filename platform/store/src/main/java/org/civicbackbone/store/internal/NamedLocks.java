package org.civicbackbone.store.internal;

import java.sql.Connection;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The locks of this JVM by name, each taken whole ({@link org.civicbackbone.api.store.BackboneStore#exclusively},
 * {@code holdUntilCommit}) or shared ({@code holdSharedUntilCommit}), and those each unit of work in progress holds
 * until it ends. Whole excludes every other holder; shared excludes only whole. On PostgreSQL the store takes an
 * advisory lock of the same name in the database instead, which every node sees. A hold waits at most
 * {@link #PATIENCE}.
 */
final class NamedLocks {

    /**
     * Twice a module's request deadline (30 s by default): its caller has been answered 503 by then. A merge waiting
     * for an import of that organisation's values longer than this is refused too (send it again); on PostgreSQL it
     * waits.
     */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Map<String, ReentrantReadWriteLock> byName = new ConcurrentHashMap<>();
    private final Map<Connection, List<Lock>> heldByWork = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Duration patience;

    NamedLocks() {
        this(PATIENCE);
    }

    /**
     * @param patience how long a unit of work waits for a lock another holds before it is refused, as H2 refuses a
     *                 row it waited for too long (its {@code LOCK_TIMEOUT}, SQL state HYT00): PostgreSQL finds a cycle
     *                 of waits and refuses one of them; here the wait ends instead of holding every lock in it for good
     */
    NamedLocks(Duration patience) {
        this.patience = patience;
    }

    /** The lock of that name taken whole, for the caller to lock and unlock. */
    Lock whole(String name) {
        return named(name).writeLock();
    }

    /** A unit of work begins on {@code c}: what it holds is let go at {@link #end}. */
    void begin(Connection c) {
        heldByWork.put(c, new ArrayList<>());
    }

    /** Whether {@code c} is the connection of a unit of work in progress. */
    boolean inProgress(Connection c) {
        return heldByWork.containsKey(c);
    }

    /**
     * Waits for the lock of that name, whole or shared, and holds it for the unit of work on {@code c}; refused (an
     * {@link IllegalStateException} caused by a {@link SQLTimeoutException} of state HYT00, which rolls the work back)
     * when another holds it longer than the patience.
     */
    void holdUntilEnd(Connection c, String name, boolean shared) {
        ReentrantReadWriteLock named = named(name);
        Lock lock = shared ? named.readLock() : named.writeLock();
        boolean taken;
        try {
            taken = lock.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the lock '" + name + "'", e);
        }
        if (!taken) {
            throw new IllegalStateException("Waited " + patience.toMillis() + " ms for the lock '" + name + "'",
                    new SQLTimeoutException("Timeout trying to take the lock '" + name + "'", "HYT00"));
        }
        heldByWork.get(c).add(lock);
    }

    /** Lets go of what the unit of work on {@code c} held: after its commit, so the next holder reads it. */
    void end(Connection c) {
        List<Lock> held = heldByWork.remove(c);
        Collections.reverse(held);
        held.forEach(Lock::unlock);
    }

    private ReentrantReadWriteLock named(String name) {
        return byName.computeIfAbsent(name, n -> new ReentrantReadWriteLock());
    }
}
