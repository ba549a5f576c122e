package org.civicbackbone.measurement.internal;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.measurement.internal.ImportJob.State;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CSV imports of any size as background jobs, one at a time, all or nothing ({@link SharedMeasurement#importFile}).
 * Accepting a job keeps its upload and scope in the database ({@link ImportUploads}: the job RECEIVING, then QUEUED
 * before {@link #start} returns); its progress and outcome are rows of {@code sm_import}: its state when it changes,
 * in transactions of its own;
 * the rows counted as it runs are kept in memory and shown on its page (a commit while the import's large transaction
 * is open would make the database write that transaction's pages out again, each time, which cost a third of an
 * import's time). A job that a crash, a restart or a stop of the module interrupts stored nothing and runs again from
 * its start at the next start of the module; one interrupted {@value #ATTEMPTS} times is marked FAILED instead.
 */
@Component(service = ValueImports.class)
public class ValueImports {

    /** How many times a job may start before a further interruption fails it (a file that stops the platform). */
    static final int ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(ValueImports.class);

    private final SharedMeasurement measurement;
    private final BackboneStore store;
    private final ImportUploads uploads;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "backbone-value-import"));
    private volatile boolean stopping;
    private final Map<Long, JobProgress> running = new ConcurrentHashMap<>();

    @Activate
    public ValueImports(@Reference SharedMeasurement measurement) {
        this.measurement = measurement;
        this.store = measurement.store();
        this.uploads = new ImportUploads(store);
        resumeInterrupted();
    }

    /** Queues again, in the order accepted, the jobs a crash or a stop interrupted; they stored nothing. */
    private void resumeInterrupted() {
        List<Runnable> resumed = store.inTransaction(c -> {
            List<Runnable> jobs = new ArrayList<>();
            for (ImportRecords.Unfinished job : records(c).unfinished()) {
                if (job.state() == State.RECEIVING || job.chunks() == 0 || job.attempts() >= ATTEMPTS) {
                    records(c).fail(job.id(), (job.attempts() < ATTEMPTS ? "Interrupted before its upload was kept"
                            : "Interrupted " + job.attempts() + " times") + ": nothing was stored; upload the file "
                            + "again.", Instant.now());
                    records(c).deleteChunks(job.id());
                    LOG.warn("Value import {} of initiative '{}' was interrupted and is marked FAILED", job.id(),
                            job.initiativeId());
                    continue;
                }
                records(c).requeue(job.id(), "Interrupted by a stop, and queued again when the module started.");
                ReportingScope scope = uploads.scope(c, job);
                jobs.add(() -> run(job.id(), job.initiativeId(), Charset.forName(job.charset()), job.createdBy(),
                        scope));
                LOG.info("Value import {} of initiative '{}' was interrupted and runs again", job.id(),
                        job.initiativeId());
            }
            return jobs;
        });
        resumed.forEach(runner::execute); // after the commit, so no job waits on the transaction that queued it
    }

    @Deactivate
    void stop() throws InterruptedException {
        stopping = true; // a running job gives up at its next batch and rolls back
        runner.shutdown();
        if (!runner.awaitTermination(60, TimeUnit.SECONDS)) {
            LOG.warn("A value import was still running when the module stopped");
        }
    }

    private ImportRecords records(java.sql.Connection c) {
        return store.mapper(c, ImportRecords.class);
    }

    /**
     * Queues an import job for an upload. When this returns, the job, its upload and scope are committed: it runs to
     * its end even if the platform crashes first (it then runs at the next start).
     */
    public ImportJob start(String initiativeId, ValueUpload upload, String actor, ReportingScope scope) {
        try {
            measurement.require(initiativeId);
            GeneratedKey key = new GeneratedKey();
            store.inTransaction(c -> {
                records(c).insertJob(key, initiativeId, upload.size(), actor, Instant.now(), upload.charset().name(),
                        scope.ids() == null);
                return null;
            });
            try {
                uploads.keep(key.id(), upload, scope);
            } catch (RuntimeException e) {
                store.inTransaction(c -> {
                    records(c).deleteChunks(key.id());
                    return records(c).fail(key.id(), "The upload could not be kept: nothing was stored.", Instant.now());
                });
                throw e;
            }
            runner.execute(() -> run(key.id(), initiativeId, upload.charset(), actor, scope));
            return job(initiativeId, key.id());
        } finally {
            upload.discard();
        }
    }

    /** A job with its faults listed. */
    public ImportJob job(String initiativeId, long id) {
        measurement.require(initiativeId);
        return store.read(c -> {
            ImportRecords.JobRow row = records(c).job(initiativeId, id);
            if (row == null) {
                throw new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no import " + id + "."));
            }
            JobProgress live = running.get(id);
            return (live == null ? row : live.over(row)).job(records(c).faults(id));
        });
    }

    /** The initiative's latest 50 jobs, newest first, without their faults. */
    public List<ImportJob> jobs(String initiativeId) {
        measurement.require(initiativeId);
        return store.read(c -> records(c).recentJobs(initiativeId).stream().map(row -> {
            JobProgress live = running.get(row.id());
            return (live == null ? row : live.over(row)).job(List.of());
        }).toList());
    }

    private void run(long id, String initiativeId, Charset charset, String actor, ReportingScope scope) {
        if (stopping) {
            return; // left queued: it runs at the next start
        }
        JobProgress progress = new JobProgress(id);
        running.put(id, progress);
        try {
            progress.start();
            int stored = measurement.importFile(initiativeId, () -> uploads.open(id, charset), actor, scope, progress);
            progress.finish(State.DONE, stored + " values stored.", List.of());
        } catch (ProblemException e) {
            Problem problem = e.problem();
            if (stopping && problem.status() >= 500) {
                return; // interrupted by the stop: it runs again at the next start
            }
            progress.finish(problem.status() >= 500 ? State.FAILED : State.REFUSED, problem.detail(),
                    problem.violations());
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.info("Value import {} of initiative '{}' stopped with the module; it runs again at the next start",
                        id, initiativeId);
                return;
            }
            LOG.error("Value import {} of initiative '{}' failed", id, initiativeId, e);
            progress.finish(State.FAILED, "The import failed: " + e.getMessage() + "; nothing was stored.", List.of());
        } finally {
            running.remove(id);
        }
    }

    /** A job's progress: its state written when it changes, its counts kept here; stops the job when asked. */
    private final class JobProgress implements ImportProgress {

        private final long id;
        private volatile State state = State.QUEUED;
        private volatile int read;
        private volatile int checked;
        private volatile int stored;
        private volatile int faults;

        JobProgress(long id) {
            this.id = id;
        }

        void start() {
            if (stopping) {
                throw new IllegalStateException("the module is stopping");
            }
            state = State.CHECKING;
            store.inTransaction(c -> records(c).started(id));
        }

        @Override
        public void checked(int rows) {
            read = rows;
            checked = rows;
            write(State.CHECKING, false);
        }

        /** The job's outcome, with its counts and the faults listed. */
        void finish(State outcome, String message, List<Violation> violations) {
            store.inTransaction(c -> {
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
            write(State.STORING, true);
        }

        @Override
        public void stored(int rows) {
            stored = rows;
            write(State.STORING, false);
        }

        /** The job's row with the counts of now, while it runs. */
        ImportRecords.JobRow over(ImportRecords.JobRow row) {
            return new ImportRecords.JobRow(row.id(), row.initiativeId(), state, row.bytes(), read, checked, stored,
                    row.faults(), row.message(), row.createdBy(), row.createdAt(), row.finishedAt());
        }

        private void write(State next, boolean save) {
            if (stopping) {
                throw new IllegalStateException("the module is stopping");
            }
            if (save && next != state) {
                state = next;
                store.inTransaction(c -> records(c).progress(id, next, read, checked, stored));
            }
        }
    }
}
