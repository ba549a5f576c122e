package org.civicbackbone.store.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The locks of this JVM by name, each taken whole ({@link org.civicbackbone.api.store.BackboneStore#exclusively},
 * {@code holdUntilCommit}) or shared ({@code holdSharedUntilCommit}), and those each unit of work in progress holds
 * until it ends. Whole excludes every other holder; shared excludes only whole. On PostgreSQL the store takes an
 * advisory lock of the same name in the database instead, which every node sees.
 */
final class NamedLocks {

    private final Map<String, ReentrantReadWriteLock> byName = new ConcurrentHashMap<>();
    private final Map<Connection, List<Lock>> heldByWork = Collections.synchronizedMap(new IdentityHashMap<>());

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

    /** Waits for the lock of that name, whole or shared, and holds it for the unit of work on {@code c}. */
    void holdUntilEnd(Connection c, String name, boolean shared) {
        ReentrantReadWriteLock named = named(name);
        Lock lock = shared ? named.readLock() : named.writeLock();
        lock.lock();
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
