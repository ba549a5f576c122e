package org.civicbackbone.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.assertThrows;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.civicbackbone.api.store.SchemaMigration;
import org.junit.Before;
import org.junit.Test;

public class JdbcBackboneStoreTest {

    private JdbcBackboneStore store;

    @Before
    public void setUp() {
        store = MemoryStore.fresh();
    }

    private int count(String table) {
        return store.read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    @Test
    public void appliesOnlyPendingMigrationsInOrder() {
        SchemaMigration one = new SchemaMigration(1, "t", "CREATE TABLE t (x INT);\nINSERT INTO t VALUES (1);");
        SchemaMigration two = new SchemaMigration(2, "more", "INSERT INTO t VALUES (2);");
        assertEquals(1, store.migrate("m", List.of(one)));
        assertEquals(2, store.migrate("m", List.of(two, one)));
        assertEquals(2, store.migrate("m", List.of(one, two)));
        assertEquals(2, count("t"));
    }

    @Test
    public void failedMigrationIsRolledBackAndNotRecorded() {
        store.migrate("m", List.of(new SchemaMigration(1, "t", "CREATE TABLE t (x INT)")));
        SchemaMigration bad = new SchemaMigration(2, "bad", "INSERT INTO t VALUES (5);\nINSERT INTO nowhere VALUES (1);");
        assertThrows(IllegalStateException.class, () -> store.migrate("m", List.of(bad)));
        assertEquals(0, count("t"));
        assertEquals(1, store.read(c -> {
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version WHERE module = 'm'")) {
                r.next();
                return r.getInt(1);
            }
        }).intValue());
    }

    @Test
    public void transactionRollsBackOnException() {
        store.migrate("m", List.of(new SchemaMigration(1, "t", "CREATE TABLE t (x INT)")));
        assertThrows(IllegalArgumentException.class, () -> store.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO t VALUES (1)");
            }
            throw new IllegalArgumentException("boom");
        }));
        assertEquals(0, count("t"));
    }

    @Test
    public void theDataVersionMovesWithEachUnitOfWorkAndStaysForReads() {
        store.migrate("m", List.of(new SchemaMigration(1, "t", "CREATE TABLE t (x INT)")));
        long before = store.dataVersion();
        store.read(c -> c.createStatement().executeQuery("SELECT COUNT(*) FROM t").next());
        assertEquals("a read changes nothing", before, store.dataVersion());
        store.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO t VALUES (1)"));
        assertTrue("a commit moves it before inTransaction returns", store.dataVersion() > before);
    }

    /** Writes that hold one name shared run together; the one that takes it whole waits for them all (ADR 0025). */
    @Test
    public void sharedHoldersRunTogetherAndAWholeHolderWaitsForThemAll() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            SharedHolds.Outcome outcome = SharedHolds.run(store, store, threads);
            assertTrue("two shared holders at once", outcome.sharedHeldTogether());
            assertTrue("the whole holder started after both ended", outcome.wholeWaitedForBoth());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    public void aSecondRecordOfOneNameIsReadAndRefusedOnlyUnderAHeldLock() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            assertEquals("unguarded, every request reads before any writes", 8,
                    SecondRecordRace.recordsAfter(store, null, threads));
            assertEquals("under the lock, the second reads the first's row", 1,
                    SecondRecordRace.recordsAfter(store, "race:riverbend", threads));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    public void aModulesTurnForAnInitiativeHoldsOffItsNextTurnButNoOtherInitiatives() throws Exception {
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<String> first = threads.submit(() -> store.inTurn("m", "riverbend", c -> {
                inside.countDown();
                try {
                    finish.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.sql.SQLException(e);
                }
                return "first";
            }));
            inside.await();
            Future<String> next = threads.submit(() -> store.inTransaction(c -> {
                store.holdUntilCommit(c, "m:riverbend"); // the name inTurn takes
                return "next";
            }));
            assertEquals("another initiative's turn is not held up", "eastside",
                    threads.submit(() -> store.inTurn("m", "eastside", c -> "eastside")).get(10, TimeUnit.SECONDS));
            assertThrows("the same initiative's next turn waits", java.util.concurrent.TimeoutException.class,
                    () -> next.get(200, TimeUnit.MILLISECONDS));
            finish.countDown();
            assertEquals("first", first.get(10, TimeUnit.SECONDS));
            assertEquals("next", next.get(10, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    public void aLockIsHeldOnlyByAUnitOfWorkInProgress() {
        IllegalStateException outside = assertThrows(IllegalStateException.class,
                () -> store.read(c -> {
                    store.holdUntilCommit(c, "race:riverbend");
                    return null;
                }));
        assertTrue(outside.getMessage(), outside.getMessage().contains("inTransaction"));
        store.inTransaction(c -> {
            store.holdUntilCommit(c, "race:riverbend");
            store.holdUntilCommit(c, "race:riverbend"); // held twice by one unit of work, let go of at its end
            return null;
        });
        assertEquals("free once the first unit of work ended", "free", java.util.concurrent.CompletableFuture
                .supplyAsync(() -> store.inTransaction(c -> {
                    store.holdUntilCommit(c, "race:riverbend");
                    return "free";
                })).join());
    }

    @Test
    public void splitsStatementsAtLineEndSemicolons() {
        assertEquals(List.of("A 'x;y'", "B"), JdbcBackboneStore.statements("A 'x;y';\nB;\n"));
    }

    /**
     * A session that asks the same question again sees every commit since (H2 2.2's reuse of a query's last result
     * could answer from before a concurrent commit, for as long as the table then went unchanged: an import job
     * answered as refused with none of its faults, ADR 0038). A reader polls on one connection, as a pooled
     * connection serves a quiet platform's reads, while a writer commits a job's outcome and its faults together.
     */
    @Test
    public void aReaderSeesAllOfEachCommitNeverAResultKeptFromBeforeIt() throws Exception {
        store.migrate("m", List.of(new SchemaMigration(1, "jobs", """
                CREATE TABLE job (id INT PRIMARY KEY, state VARCHAR(10) NOT NULL);
                CREATE TABLE fault (job_id INT NOT NULL REFERENCES job(id), position INT NOT NULL,
                  PRIMARY KEY (job_id, position));
                """)));
        int jobs = 300;
        java.util.concurrent.atomic.AtomicInteger latest = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean written = new java.util.concurrent.atomic.AtomicBoolean();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> writes = writer.submit(() -> {
            for (int job = 1; job <= jobs; job++) {
                int id = job;
                store.inTransaction(c -> {
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("INSERT INTO job VALUES (" + id + ", 'RUNNING')");
                    }
                    return null;
                });
                latest.set(id);
                store.inTransaction(c -> { // the outcome and its faults: one commit
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("UPDATE job SET state = 'REFUSED' WHERE id = " + id);
                        for (int f = 0; f < 100; f++) {
                            s.executeUpdate("INSERT INTO fault VALUES (" + id + ", " + f + ")");
                        }
                    }
                    return null;
                });
            }
            written.set(true);
            return null;
        });
        List<String> partial = new ArrayList<>();
        try (java.sql.Connection reader = store.dataSource().getConnection()) {
            while (!written.get()) {
                int job = latest.get();
                String state = single(reader, "SELECT state FROM job WHERE id = ?", job);
                String faults = single(reader, "SELECT COUNT(*) FROM fault WHERE job_id = ?", job);
                if ("REFUSED".equals(state) && !"100".equals(faults)) {
                    partial.add("job " + job + ": " + faults + " faults");
                }
            }
        } finally {
            writes.get(60, TimeUnit.SECONDS);
            writer.shutdown();
        }
        assertEquals("answers that showed a commit's outcome without its faults", List.of(),
                partial.subList(0, Math.min(5, partial.size())));
    }

    /** One value asked for as the store's mappers ask: a statement prepared anew, with a parameter. */
    private static String single(java.sql.Connection c, String sql, int parameter) throws java.sql.SQLException {
        try (java.sql.PreparedStatement p = c.prepareStatement(sql)) {
            p.setInt(1, parameter);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
