package org.civicbackbone.measurement.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.measurement.internal.ImportJob.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running job's progress: its state written when it changes, its counts kept here (the node that runs it shows them
 * as they are) and written to the job's row every moment ({@link #show}, in a transaction of its own, for the other
 * nodes); stops the job when the module stops; writes the outcome, and lets the import commit, only while the job's
 * lease is still this node's.
 */
final class JobProgress implements ImportProgress {

    private static final Logger LOG = LoggerFactory.getLogger(JobProgress.class);

    private final long id;
    private final BackboneStore store;
    private final ImportLeases leases;
    private final BooleanSupplier stopping;
    private volatile State state = State.QUEUED;
    private volatile long fetched;
    private volatile int read;
    private volatile int checked;
    private volatile int stored;
    private volatile int faults;
    /** Set once the import's transaction holds the job's row: showing would wait for its commit. */
    private volatile boolean committing;
    /** Set, under this object's lock as {@link #show} reads it, once the outcome is written: nothing more to show. */
    private boolean finished;

    JobProgress(long id, BackboneStore store, ImportLeases leases, BooleanSupplier stopping) {
        this.id = id;
        this.store = store;
        this.leases = leases;
        this.stopping = stopping;
    }

    void start() {
        if (stopping.getAsBoolean()) {
            throw new IllegalStateException("the module is stopping");
        }
        state = State.CHECKING;
        store.inTransaction(c -> records(c).started(id));
    }

    @Override
    public void checked(int rows) {
        read = rows;
        checked = rows;
        stillRunning();
    }

    /**
     * Writes the state and counts of now to the job's row, for the other nodes to show, while the job checks or stores
     * here; in a transaction of its own (a moment's: the import's own transaction has not touched the row yet).
     */
    synchronized void show() {
        State now = state;
        if (finished || committing || (now != State.CHECKING && now != State.STORING)) {
            return;
        }
        store.inTransaction(c -> records(c).shown(id, leases.node(), now, fetched, read, checked, stored));
    }

    /** The job's outcome, with its counts and the faults listed; nothing once another node took the job over. */
    synchronized void finish(State outcome, String message, List<Violation> violations) {
        finished = true;
        store.inTransaction(c -> {
            if (!leases.stillMine(c, id)) {
                LOG.warn("Value import {} was taken over by another node; its outcome here is dropped", id);
                return null;
            }
            ImportRecords records = records(c);
            records.progress(id, outcome, read, checked, outcome == State.DONE ? stored : 0);
            records.finish(id, outcome, faults, message == null || message.length() <= 2000 ? message
                    : message.substring(0, 2000), Instant.now());
            for (int i = 0; i < violations.size(); i++) {
                records.insertFault(id, i, violations.get(i));
            }
            records.deleteChunks(id);
            return null;
        });
    }

    @Override
    public void refused(int count) {
        faults = count;
    }

    @Override
    public void storing(int rows) {
        read = rows;
        checked = rows;
        // not written here, inside the import's large transaction: show() writes it with the counts, in a moment of
        // its own; after a crash CHECKING and STORING are alike
        state = State.STORING;
        stillRunning();
    }

    @Override
    public void stored(int rows) {
        stored = rows;
        stillRunning();
    }

    @Override
    public void committing(Connection c) {
        committing = true; // the row is the import transaction's from here: showing would wait for its commit
        if (!leases.stillMine(c, id)) { // paused past the lease: the node that took the job over stores it
            throw new IllegalStateException("value import " + id + " was taken over by another node");
        }
    }

    /** The job as its row says, with the state and counts of now, while it runs. */
    ImportJob over(ImportRecords.JobRow row, List<Violation> violations) {
        return new ImportJob(row.id(), row.initiativeId(), state, row.bytes(), fetched, read, checked, stored,
                row.faults(), violations, row.message(), row.createdBy(), row.createdAt(), row.finishedAt());
    }

    /** Bytes of the upload fetched so far. */
    void fetched(long bytes) {
        fetched = bytes;
    }

    /** Throws when the module stops, so the import rolls back at its next batch and runs again at the next start. */
    private void stillRunning() {
        if (stopping.getAsBoolean()) {
            throw new IllegalStateException("the module is stopping");
        }
    }

    private ImportRecords records(Connection c) {
        return store.mapper(c, ImportRecords.class);
    }
}
