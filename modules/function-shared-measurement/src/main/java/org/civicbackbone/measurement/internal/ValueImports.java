package org.civicbackbone.measurement.internal;

import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
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
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CSV imports of any size as background jobs, one at a time, all or nothing ({@link SharedMeasurement#importFile}).
 * Accepting a job keeps its upload and scope in the database ({@link ImportUploads}: the job RECEIVING, then QUEUED
 * before {@link #start} returns); its progress and outcome are rows of {@code sm_import}: its state when it changes,
 * in transactions of its own;
 * the rows counted as it runs are kept in memory, shown as they are by the node that runs it, and written to its row
 * about once a second, for the other nodes, in a transaction of a moment (a commit while the import's large
 * transaction is open makes H2 write that transaction's pages out again: at every batch that cost a third of an
 * import's time; once a second, nothing the import benchmark can tell, docs/benchmarks.md). A job that a crash, a
 * restart or a stop of the module interrupts stored nothing and runs again from its start; one interrupted
 * {@value #ATTEMPTS} times is marked FAILED instead. With several nodes on one database each job is run by one node,
 * which holds its lease ({@link ImportLeases}, ADR 0021): the node that accepted it, or the node that takes it over
 * once that node's lease lapses (it died), or the same node when it starts again.
 */
@Component(service = ValueImports.class, configurationPid = "org.civicbackbone.measurement.imports")
@Designate(ocd = ValueImports.Config.class)
public class ValueImports {

    /** How jobs are shared between the nodes of one database. */
    @ObjectClassDefinition(name = "Civic Backbone value imports", description = "Import jobs on several nodes")
    public @interface Config {
        @AttributeDefinition(name = "Lease (s)", description = "Seconds without a sign of life from the node running a "
                + "job after which another node takes the job over and runs it again from its start")
        int leaseSeconds() default 30;

        @AttributeDefinition(name = "Take-over check (s)", description = "How often a node looks for jobs to take over")
        int takeOverSeconds() default 10;

        @AttributeDefinition(name = "Progress shown (ms)", description = "How often the node running a job writes its "
                + "counts for the other nodes to show (the node itself shows them as they are)")
        int progressMillis() default 1000;
    }

    /** How many times a job may start before a further interruption fails it (a file that stops the platform). */
    static final int ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(ValueImports.class);

    private final SharedMeasurement measurement;
    private final BackboneStore store;
    private final ImportUploads uploads;
    private final ImportLeases leases;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "backbone-value-import"));
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "backbone-value-import-leases"));
    private volatile boolean stopping;
    private final Map<Long, JobProgress> running = new ConcurrentHashMap<>();
    /** The jobs this node has queued or runs: never taken over by itself. */
    private final Set<Long> mine = ConcurrentHashMap.newKeySet();

    @Activate
    public ValueImports(@Reference SharedMeasurement measurement, Config config) {
        this(measurement, ImportLeases.thisNode(), Duration.ofSeconds(Math.max(3, config.leaseSeconds())),
                Duration.ofSeconds(Math.max(1, config.takeOverSeconds())),
                Duration.ofMillis(Math.max(100, config.progressMillis())));
    }

    /** Imports on one node with the default lease and progress (tests, benchmarks). */
    public ValueImports(SharedMeasurement measurement) {
        this(measurement, ImportLeases.thisNode(), Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(1));
    }

    /**
     * Imports as the node {@code node} runs them, taking over lapsed jobs every {@code takeOver} and writing the
     * counts of its running jobs every {@code shown}.
     */
    ValueImports(SharedMeasurement measurement, String node, Duration lease, Duration takeOver, Duration shown) {
        this.measurement = measurement;
        this.store = measurement.store();
        this.uploads = new ImportUploads(store);
        this.leases = new ImportLeases(store, node, lease);
        takeOver();
        long renew = Math.max(1, lease.toMillis() / 3);
        clock.scheduleWithFixedDelay(() -> quietly(leases::renew), renew, renew, TimeUnit.MILLISECONDS);
        clock.scheduleWithFixedDelay(() -> quietly(this::takeOver), takeOver.toMillis(), takeOver.toMillis(),
                TimeUnit.MILLISECONDS);
        clock.scheduleWithFixedDelay(() -> quietly(() -> running.values().forEach(JobProgress::show)),
                shown.toMillis(), shown.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void quietly(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // the database may be away for a moment
            LOG.warn("Keeping import leases or showing an import's progress failed; trying again", e);
        }
    }

    /**
     * Queues, in the order accepted, the jobs whose lease this node could take: its own from before a restart, and
     * those of a node gone quiet. They stored nothing; they run again from their start. One node looks at a time.
     */
    private void takeOver() {
        if (stopping) {
            return;
        }
        List<Runnable> taken = store.exclusively("imports:take-over", () -> store.inTransaction(c -> {
            List<Runnable> jobs = new ArrayList<>();
            for (ImportRecords.Unfinished job : records(c).unfinished()) {
                if (mine.contains(job.id()) || !leases.claim(c, job.id())) {
                    continue;
                }
                if (job.state() == State.RECEIVING || job.chunks() == 0 || job.attempts() >= ATTEMPTS) {
                    records(c).fail(job.id(), (job.attempts() < ATTEMPTS ? "Interrupted before its upload was kept"
                            : "Interrupted " + job.attempts() + " times") + ": nothing was stored; upload the file "
                            + "again.", Instant.now());
                    records(c).deleteChunks(job.id());
                    LOG.warn("Value import {} of initiative '{}' was interrupted and is marked FAILED", job.id(),
                            job.initiativeId());
                    continue;
                }
                boolean own = leases.node().equals(job.runner());
                records(c).requeue(job.id(), own ? "Interrupted by a stop, and queued again when the module started."
                        : "Taken over from a node that stopped answering, and queued again.");
                ReportingScope scope = uploads.scope(c, job);
                mine.add(job.id());
                jobs.add(() -> run(job.id(), job.initiativeId(), Charset.forName(job.charset()), job.createdBy(),
                        scope));
                LOG.info("Value import {} of initiative '{}' was interrupted and runs again here (it was run by {})",
                        job.id(), job.initiativeId(), job.runner());
            }
            return jobs;
        }));
        taken.forEach(runner::execute); // after the commit, so no job waits on the transaction that queued it
    }

    /** Stops the job runner and the leases' clock (public for the import benchmark, which runs this without SCR). */
    @Deactivate
    public void stop() throws InterruptedException {
        stopping = true; // a running job gives up at its next batch and rolls back
        clock.shutdownNow();
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
                mine.add(key.id());
                return leases.claim(c, key.id());
            });
            try {
                uploads.keep(key.id(), upload, scope);
            } catch (RuntimeException e) {
                store.inTransaction(c -> {
                    records(c).deleteChunks(key.id());
                    return records(c).fail(key.id(), "The upload could not be kept: nothing was stored.", Instant.now());
                });
                mine.remove(key.id());
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
            List<Violation> faults = records(c).faults(id);
            return live == null ? row.job(faults) : live.over(row, faults);
        });
    }

    /** The initiative's latest 50 jobs, newest first, without their faults. */
    public List<ImportJob> jobs(String initiativeId) {
        measurement.require(initiativeId);
        return store.read(c -> records(c).recentJobs(initiativeId).stream().map(row -> {
            JobProgress live = running.get(row.id());
            return live == null ? row.job(List.of()) : live.over(row, List.of());
        }).toList());
    }

    private void run(long id, String initiativeId, Charset charset, String actor, ReportingScope scope) {
        if (stopping) {
            return; // left queued: it runs at the next start
        }
        JobProgress progress = new JobProgress(id, store, leases, () -> stopping);
        running.put(id, progress);
        try {
            progress.start();
            int stored = measurement.importFile(initiativeId, () -> uploads.open(id, charset, progress::fetched), actor,
                    scope, progress);
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
            mine.remove(id);
        }
    }
}
