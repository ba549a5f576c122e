package org.civicbackbone.measurement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.civicbackbone.api.initiative.AccessRole;
import org.civicbackbone.api.initiative.InitiativeAccess;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.measurement.internal.ImportJob.State;
import org.civicbackbone.testkit.InMemoryInitiatives;
import org.civicbackbone.testkit.InMemoryOrganisations;
import org.civicbackbone.testkit.RecordingAuditLog;
import org.civicbackbone.testkit.TestStore;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Imports as jobs on a real (in-memory) database: large files, faults far into a file, corrections, restarts. */
public class ValueImportsTest {

    private static final InitiativeAccess NO_ROLES = new InitiativeAccess() {
        @Override
        public Optional<AccessRole> role(String initiativeId, String login, boolean platformAdmin) {
            return Optional.empty();
        }

        @Override
        public Set<String> visible(String login, boolean platformAdmin) {
            return Set.of();
        }
    };

    private static final List<String> PARTNERS = List.of("Library", "School", "Eastside Trust", "Head Start");

    private BackboneStore store;
    private RecordingAuditLog audit;
    private SharedMeasurement measurement;
    private ValueImports imports;
    private InMemoryOrganisations organisations;

    @Before
    public void setUp() {
        store = TestStore.inMemory();
        audit = new RecordingAuditLog(store);
        organisations = new InMemoryOrganisations().with("town", Sector.NONPROFIT, PARTNERS.toArray(String[]::new));
        measurement = new SharedMeasurement(store, audit, InMemoryInitiatives.with("town", "shared-measurement")
                .withOrganisations(organisations), input -> { }, NO_ROLES, organisations,
                Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC));
        for (String name : List.of("Library cards", "Children read to")) {
            measurement.addIndicator("town", new IndicatorSpec(name, "d", "n", Direction.UP, Aggregation.SUM,
                    PeriodType.MONTH, BigDecimal.ONE, LocalDate.of(2020, 1, 1), BigDecimal.TEN,
                    LocalDate.of(2030, 1, 1)), "staff");
        }
        imports = new ValueImports(measurement);
    }

    @After
    public void tearDown() throws InterruptedException {
        imports.stop();
    }

    /** Two indicators x four partners x 60 months x 12 categories: 5,760 rows; {@code add} shifts every value. */
    private static String file(int add) {
        StringBuilder csv = new StringBuilder("indicator,period,partner,value,dimension,category\n");
        for (String indicator : List.of("Library cards", "children read to")) {
            for (String partner : PARTNERS) {
                for (int m = 0; m < 60; m++) {
                    for (int band = 0; band < 12; band++) {
                        csv.append(indicator).append(',').append(YearMonth.of(2020, 1).plusMonths(m)).append(',')
                                .append(partner).append(',').append(m + band + add).append(",age,").append(band)
                                .append('\n');
                    }
                }
            }
        }
        return csv.toString();
    }

    private ImportJob run(String csv) throws InterruptedException {
        ValueUpload upload = ValueUpload.receive(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        ImportJob job = imports.start("town", upload, "staff", ReportingScope.ANY);
        for (int i = 0; i < 600 && !job.state().ended(); i++) { // bounded: at most a minute
            Thread.sleep(100);
            job = imports.job("town", job.id());
        }
        return job;
    }

    private int stored() {
        return measurement.indicators("town").stream().mapToInt(i -> measurement.values("town", i.id()).size()).sum();
    }

    @Test
    public void aLargeFileIsStoredWholeAndImportedAgainAsCorrections() throws InterruptedException {
        ImportJob first = run(file(0));
        assertEquals(first.message(), State.DONE, first.state());
        assertEquals(5760, first.rowsRead());
        assertEquals(5760, first.rowsStored());
        assertEquals(5760, stored());

        ImportJob again = run(file(1));
        assertEquals(again.message(), State.DONE, again.state());
        assertEquals(5760, stored());
        Indicator cards = measurement.indicators("town").get(0);
        assertEquals(4 * 60 * 12, measurement.corrections("town", cards.id()).size());
        assertEquals(new BigDecimal("1"), measurement.values("town", cards.id()).get(0).value());
        assertEquals(2, audit.actions().stream().filter("staff value.import"::equals).count());
    }

    @Test
    public void aFaultFarIntoTheFileRefusesItWholeNamingRowAndColumn() throws InterruptedException {
        String csv = file(0).replace("children read to,2024-12,Head Start,70,age,11", "children read to,2024-12,Head Start,seventy,age,11")
                + "Library cards,2020-01,Library,5,age,0\n";
        ImportJob job = run(csv);
        assertEquals(State.REFUSED, job.state());
        assertEquals(2, job.faults());
        assertEquals("row 5761, column value", job.violations().get(0).field());
        assertTrue(job.violations().get(1).message(), job.violations().get(1).message().startsWith("repeats row 2"));
        assertEquals(0, job.rowsStored());
        assertEquals(0, stored());
    }

    @Test
    public void aSmallFileImportsDuringTheRequestAndLargeOnesGoToAFile() throws java.io.IOException {
        assertTrue(ValueUpload.receive(new ByteArrayInputStream(new byte[ValueUpload.IN_REQUEST_BYTES])).small());
        ValueUpload large = ValueUpload.receive(new ByteArrayInputStream(new byte[ValueUpload.IN_REQUEST_BYTES + 1]));
        assertEquals(ValueUpload.IN_REQUEST_BYTES + 1, large.size());
        assertEquals(ValueUpload.IN_REQUEST_BYTES + 1, java.nio.file.Files.size(large.file()));
        java.nio.file.Files.delete(large.file());
    }

    /** What a crash leaves of an accepted job: its row in {@code state}, its upload and scope kept. */
    private long crashedJob(String csv, State state, ReportingScope scope, int attempts) {
        GeneratedKey key = new GeneratedKey();
        ValueUpload upload = ValueUpload.receive(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        store.inTransaction(c -> {
            store.mapper(c, ImportRecords.class).insertJob(key, "town", upload.size(), "staff", Instant.now(), "UTF-8",
                    scope.ids() == null);
            return null;
        });
        new ImportUploads(store).keep(key.id(), upload, scope);
        store.inTransaction(c -> {
            ImportRecords records = store.mapper(c, ImportRecords.class);
            for (int i = 0; i < attempts; i++) {
                records.started(key.id());
            }
            records.progress(key.id(), state, 10, 10, 4);
            return null;
        });
        return key.id();
    }

    private ImportJob awaitEnd(long id) throws InterruptedException {
        ImportJob job = imports.job("town", id);
        for (int i = 0; i < 600 && !job.state().ended(); i++) { // bounded: at most a minute
            Thread.sleep(100);
            job = imports.job("town", id);
        }
        return job;
    }

    private int keptChunks() {
        return store.read(c -> {
            var rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM sm_import_chunk");
            rows.next();
            return rows.getInt(1);
        });
    }

    @Test
    public void aJobACrashInterruptedRunsAgainFromItsKeptUploadAtTheNextStart() throws InterruptedException {
        long id = crashedJob(file(0), State.STORING, ReportingScope.ANY, 1);
        imports.stop();
        imports = new ValueImports(measurement);
        ImportJob job = awaitEnd(id);
        assertEquals(job.message(), State.DONE, job.state());
        assertEquals(5760, job.rowsStored());
        assertEquals(5760, stored());
        assertEquals("the upload is deleted with the job's end", 0, keptChunks());
    }

    @Test
    public void aJobAStopInterruptsIsLeftToRunAgainAtTheNextStart() throws InterruptedException {
        ValueUpload upload = ValueUpload.receive(new ByteArrayInputStream(file(0).getBytes(StandardCharsets.UTF_8)));
        long id = imports.start("town", upload, "staff", ReportingScope.ANY).id();
        imports.stop(); // whether the job was queued, running or done, it ends DONE exactly once
        imports = new ValueImports(measurement);
        ImportJob job = awaitEnd(id);
        assertEquals(job.message(), State.DONE, job.state());
        assertEquals(5760, stored());
        assertEquals(1, audit.actions().stream().filter("staff value.import"::equals).count());
    }

    @Test
    public void aJobRunsAgainWithTheScopeItWasAcceptedWith() throws InterruptedException {
        long library = organisations.resolve("town", "Library").orElseThrow().id();
        long id = crashedJob(file(0), State.CHECKING, new ReportingScope(Set.of("Library"), Set.of(library)), 0);
        imports.stop();
        imports = new ValueImports(measurement);
        ImportJob job = awaitEnd(id);
        assertEquals(State.REFUSED, job.state());
        assertTrue(job.violations().toString(), job.violations().get(0).message().endsWith("you may report for Library"));
        assertEquals(0, stored());
    }

    @Test
    public void aJobCutOffWhileItsUploadWasKeptOrInterruptedThreeTimesIsFailedAndStoredNothing() throws InterruptedException {
        GeneratedKey key = new GeneratedKey();
        store.inTransaction(c -> {
            store.mapper(c, ImportRecords.class).insertJob(key, "town", 100, "staff", Instant.now(), "UTF-8", true);
            store.mapper(c, ImportRecords.class).insertChunk(key.id(), 0, "indicator,period".getBytes(
                    StandardCharsets.UTF_8)); // a crash while its upload was kept: RECEIVING, some chunks
            return null;
        });
        long thrice = crashedJob(file(0), State.STORING, ReportingScope.ANY, ValueImports.ATTEMPTS);
        imports.stop();
        imports = new ValueImports(measurement);
        for (long id : new long[] {key.id(), thrice}) {
            ImportJob job = imports.job("town", id);
            assertEquals(State.FAILED, job.state());
            assertTrue(job.message(), job.message().contains("nothing was stored"));
        }
        assertEquals(0, stored());
        assertEquals(0, keptChunks());
    }

    @Test
    public void aJobOfANodeThatStoppedAnsweringIsTakenOverOnceItsLeaseLapses() throws InterruptedException {
        long id = crashedJob(file(0), State.STORING, ReportingScope.ANY, 1);
        store.inTransaction(c -> store.mapper(c, ImportRecords.class).claim(id, "node-a", Instant.now(),
                Instant.now())); // node A holds it, then dies: nobody renews its lease
        imports.stop();
        imports = new ValueImports(measurement, "node-b", Duration.ofSeconds(2), Duration.ofMillis(100),
                Duration.ofSeconds(1));
        Thread.sleep(500);
        assertEquals("a lease not yet lapsed is left alone", State.STORING, imports.job("town", id).state());
        ImportJob job = awaitEnd(id);
        assertEquals(job.message(), State.DONE, job.state());
        assertTrue(job.message(), job.message().contains("values stored"));
        assertEquals(5760, stored());
        assertEquals(1, audit.actions().stream().filter("staff value.import"::equals).count());
    }

    /** The node running a job writes its counts every moment: another node, asked meanwhile, shows them. */
    @Test
    public void anotherNodeShowsTheCountsOfAJobWhileItRuns() throws Exception {
        imports.stop();
        imports = new ValueImports(measurement, "node-a", Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofMillis(50));
        ValueImports other = new ValueImports(measurement, "node-b", Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofMillis(50));
        long second = measurement.indicators("town").stream().filter(i -> i.name().equals("Children read to"))
                .findFirst().orElseThrow().id();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the import stops at the second indicator's first row, the first indicator's rows read, checked and stored
        Thread holder = new Thread(() -> store.inTransaction(c -> {
            store.mapper(c, ImportRecords.class).lockIndicator(second);
            held.countDown();
            try {
                return release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        try {
            holder.start();
            held.await();
            long id = imports.start("town", ValueUpload.receive(new ByteArrayInputStream(file(0).getBytes(
                    StandardCharsets.UTF_8))), "staff", ReportingScope.ANY).id();
            // the first indicator's rows are stored by the thousand before the import waits for the lock, and then
            // shown within a moment: well within the 2 s the import waits for the lock (H2's default)
            ImportJob seen = other.job("town", id);
            for (int i = 0; i < 1000 && seen.rowsStored() == 0; i++) { // bounded: 10 s at the most
                Thread.sleep(10);
                seen = other.job("town", id);
            }
            release.countDown();
            assertFalse(seen.toString(), seen.state().ended());
            // rows checked are counted every 10,000 and at the end: they may not be counted yet here
            assertTrue(seen.toString(), seen.rowsStored() >= 1000 && seen.bytesRead() > 0);
            assertEquals(State.DONE, awaitEnd(id).state());
            ImportJob done = other.job("town", id);
            assertEquals(List.of(5760L, 5760L, done.bytes()), List.of((long) done.rowsRead(),
                    (long) done.rowsStored(), done.bytesRead()));
        } finally {
            release.countDown();
            holder.join();
            other.stop();
        }
    }

    /**
     * A job that ended after the unfinished jobs were read (to be taken over) is not claimed, so it is not queued
     * again: its outcome and faults stay as they were written.
     */
    @Test
    public void aJobThatEndedIsNeverClaimedAgain() throws InterruptedException {
        long id = crashedJob(file(0), State.CHECKING, ReportingScope.ANY, 1);
        ImportLeases own = new ImportLeases(store, "node-a", Duration.ofMillis(300));
        assertTrue(store.inTransaction(c -> own.claim(c, id)));
        new JobProgress(id, store, own, () -> false).finish(State.REFUSED, "1 problem(s) found",
                List.of(new Violation("row 2, column partner", "is not registered")));
        Thread.sleep(400); // its lease lapses too
        assertFalse("by its own node", store.inTransaction(c -> own.claim(c, id)));
        ImportLeases other = new ImportLeases(store, "node-b", Duration.ofMillis(300));
        assertFalse("by another", store.inTransaction(c -> other.claim(c, id)));
        ImportJob ended = imports.job("town", id);
        assertEquals(State.REFUSED, ended.state());
        assertEquals(1, ended.violations().size());
    }

    @Test
    public void aLeaseIsOneNodesAtATimeAndANodeThatLostItStoresNothing() throws InterruptedException {
        long id = crashedJob(file(0), State.QUEUED, ReportingScope.ANY, 0);
        ImportLeases a = new ImportLeases(store, "node-a", Duration.ofMillis(300));
        ImportLeases b = new ImportLeases(store, "node-b", Duration.ofMillis(300));
        assertTrue(store.inTransaction(c -> a.claim(c, id)));
        assertFalse("held and alive", store.inTransaction(c -> b.claim(c, id)));
        a.renew();
        assertTrue(store.inTransaction(c -> a.stillMine(c, id)));
        Thread.sleep(400); // node A pauses past its lease
        assertTrue("lapsed: taken over", store.inTransaction(c -> b.claim(c, id)));
        assertFalse("node A, back, finds the job gone", store.inTransaction(c -> a.stillMine(c, id)));
        assertFalse(store.inTransaction(c -> a.claim(c, id)));

        JobProgress lateA = new JobProgress(id, store, a, () -> false);
        try {
            store.inTransaction(c -> {
                store.mapper(c, ImportRecords.class).progress(id, State.STORING, 1, 1, 1);
                lateA.committing(c);
                return null;
            });
            fail("node A's import must roll back");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("taken over"));
        }
        assertEquals("rolled back", State.QUEUED, imports.job("town", id).state());
        lateA.finish(State.DONE, "late", List.of());
        assertEquals("node A's outcome is dropped", State.QUEUED, imports.job("town", id).state());
    }

    /** The series the roll-ups give, against the series computed from every value, for each way of reading it. */
    private void assertRollupsMatchTheValues() {
        for (Indicator indicator : measurement.indicators("town")) {
            List<ReportedValue> values = measurement.values("town", indicator.id());
            for (String dimension : new String[] {null, "age", "AGE"}) {
                if (dimension != null && values.stream().noneMatch(v -> v.dimension().equalsIgnoreCase(dimension))) {
                    assertEquals("by", assertThrows(ProblemException.class, () -> measurement.series("town",
                            indicator.id(), dimension)).problem().violations().get(0).field());
                    continue;
                }
                assertEquals(indicator.name() + " by " + dimension, Series.of(indicator, values, dimension),
                        measurement.series("town", indicator.id(), dimension));
            }
        }
    }

    @Test
    public void rollUpsKeptOnEveryWriteGiveTheSeriesTheValuesGive() throws InterruptedException {
        assertEquals(State.DONE, run(file(0)).state()); // into indicators without values: added up in memory
        assertRollupsMatchTheValues();
        Indicator cards = measurement.indicators("town").get(0);
        measurement.report("town", cards.id(), new ValueReport("2020-01", "Library", new BigDecimal("7.25"), null,
                null), "staff");
        measurement.report("town", cards.id(), new ValueReport("2020-01", "School", new BigDecimal("3"), null, null),
                "staff");
        measurement.report("town", cards.id(), new ValueReport("2020-01", "Library", new BigDecimal("9"), null, null),
                "staff"); // a correction: one partner, the new value
        measurement.report("town", cards.id(), new ValueReport("2020-02", "School", new BigDecimal("4"), "Age", "3"),
                "staff");
        assertRollupsMatchTheValues();
        assertEquals(State.DONE, run(file(5)).state()); // into indicators with values: computed again
        assertRollupsMatchTheValues();
        assertEquals(new BigDecimal("12"), measurement.series("town", cards.id(), null).get(0).value());
    }
}
