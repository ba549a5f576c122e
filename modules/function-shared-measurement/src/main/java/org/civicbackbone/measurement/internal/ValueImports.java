package org.civicbackbone.measurement.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * CSV imports of any size as background jobs. The upload is kept in a file of its own while its job waits and runs,
 * one job at a time, all or nothing ({@link SharedMeasurement#importFile}); its progress and outcome are rows of
 * {@code sm_import}: its state when it changes, in transactions of its own; the rows counted as it runs are kept in
 * memory and shown on its page (a commit while the import's large transaction is open would make the database write
 * that transaction's pages out again, each time, which cost a third of an import's time). A job that a restart
 * or a stop of the module interrupts stored nothing and is marked FAILED, so nobody waits on it.
 */
@Component(service = ValueImports.class)
public class ValueImports {

    /** Uploads up to this size may be imported during the request; larger ones always run as jobs. */
    public static final int IN_REQUEST_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(ValueImports.class);

    private final SharedMeasurement measurement;
    private final BackboneStore store;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "backbone-value-import"));
    private volatile boolean stopping;
    private final Map<Long, JobProgress> running = new ConcurrentHashMap<>();

    @Activate
    public ValueImports(@Reference SharedMeasurement measurement) {
        this.measurement = measurement;
        this.store = measurement.store();
        int interrupted = store.inTransaction(c -> records(c).failUnfinished("Interrupted when the platform or the "
                + "module stopped: nothing was stored; upload the file again.", Instant.now()));
        if (interrupted > 0) {
            LOG.warn("{} value import(s) were interrupted by a stop and marked FAILED", interrupted);
        }
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

    /** An upload as received, in its charset: in memory when small, else in a file of its own. */
    public record Upload(byte[] bytes, Path file, long size, Charset charset) {

        /** Whether it is small enough to import during the request. */
        public boolean small() {
            return file == null;
        }

        /** Its text (a small upload). */
        public String text() {
            return new String(bytes, charset);
        }
    }

    /** Reads a UTF-8 upload to its end, into memory up to {@link #IN_REQUEST_BYTES}, beyond that into a file. */
    public Upload receive(InputStream body) {
        return receive(body, StandardCharsets.UTF_8);
    }

    /** Reads an upload to its end, into memory up to {@link #IN_REQUEST_BYTES}, beyond that into a file. */
    public Upload receive(InputStream body, Charset charset) {
        try (InputStream in = body) {
            byte[] head = in.readNBytes(IN_REQUEST_BYTES + 1);
            if (head.length <= IN_REQUEST_BYTES) {
                return new Upload(head, null, head.length, charset);
            }
            Path file = Files.createTempFile("backbone-value-import-", ".csv");
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(head);
                long size = head.length + in.transferTo(out);
                return new Upload(null, file, size, charset);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be read: " + e.getMessage(), e);
        }
    }

    /** Queues an import job for an upload; the job owns the upload's file from now on. */
    public ImportJob start(String initiativeId, Upload upload, String actor, ReportingScope scope) {
        try {
            measurement.require(initiativeId);
            GeneratedKey key = new GeneratedKey();
            store.inTransaction(c -> {
                records(c).insertJob(key, initiativeId, upload.size(), actor, Instant.now());
                return null;
            });
            runner.execute(() -> run(key.id(), initiativeId, upload, actor, scope));
            return job(initiativeId, key.id());
        } catch (RuntimeException e) {
            discard(upload);
            throw e;
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

    private void run(long id, String initiativeId, Upload upload, String actor, ReportingScope scope) {
        JobProgress progress = new JobProgress(id);
        running.put(id, progress);
        try {
            progress.start();
            int stored = measurement.importFile(initiativeId, () -> reader(upload), actor, scope, progress);
            progress.finish(State.DONE, stored + " values stored.", List.of());
        } catch (ProblemException e) {
            Problem problem = e.problem();
            progress.finish(problem.status() >= 500 ? State.FAILED : State.REFUSED, problem.detail(),
                    problem.violations());
        } catch (RuntimeException e) {
            LOG.error("Value import {} of initiative '{}' failed", id, initiativeId, e);
            progress.finish(State.FAILED, (stopping ? "Stopped with the module" : "The import failed: "
                    + e.getMessage()) + "; nothing was stored.", List.of());
        } finally {
            running.remove(id);
            discard(upload);
        }
    }

    private static java.io.Reader reader(Upload upload) throws IOException {
        return upload.small() ? new StringReader(upload.text())
                : new InputStreamReader(Files.newInputStream(upload.file()), upload.charset());
    }

    private static void discard(Upload upload) {
        if (upload.file() != null) {
            try {
                Files.deleteIfExists(upload.file());
            } catch (IOException e) {
                LOG.warn("Could not delete the upload {}", upload.file(), e);
            }
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
            write(State.CHECKING, true);
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
