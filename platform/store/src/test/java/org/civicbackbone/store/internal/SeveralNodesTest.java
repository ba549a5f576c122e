package org.civicbackbone.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicbackbone.api.store.SchemaMigration;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two platforms ("nodes") on one real PostgreSQL (127.0.0.1:5432, a fresh database per test): a module's migrations
 * are applied once however many nodes start together, and work under one lock name runs on one node at a time.
 */
public class SeveralNodesTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private final String database = "backbone_nodes_" + System.nanoTime();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final List<JdbcBackboneStore> nodes = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Before
    public void createDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }

    @After
    public void dropDatabase() throws Exception {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        for (JdbcBackboneStore node : nodes) {
            node.stop(); // its connection listening for other nodes' commits
        }
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private JdbcBackboneStore node() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(SERVER + database);
        source.setUser("postgres");
        source.setPassword("");
        JdbcBackboneStore node = new JdbcBackboneStore(source);
        nodes.add(node);
        return node;
    }

    @Test
    public void aCommitOnOneNodeMovesTheDataVersionOfTheOthersAndAReadDoesNot() throws Exception {
        JdbcBackboneStore first = node();
        JdbcBackboneStore second = node();
        first.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE dv_row (id INT PRIMARY KEY)");
            }
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (second.dataVersion() != second.dataVersion()) { // it moves at every call until it listens
            assertTrue("the second node listens within 10 s", System.nanoTime() < deadline);
            Thread.sleep(20);
        }
        // notifications of commits made as it began to listen may still arrive: wait until none has for 700 ms
        long before = second.dataVersion();
        long settled;
        do {
            settled = before;
            Thread.sleep(700);
            before = second.dataVersion();
            assertTrue("the second node's version settles", System.nanoTime() < deadline);
        } while (before != settled);
        count(first, "SELECT COUNT(*) FROM dv_row");
        Thread.sleep(600); // longer than the listener's wait: a notification would have been heard
        assertEquals("a read is not a change", before, second.dataVersion());
        long own = first.dataVersion();
        first.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO dv_row VALUES (1)");
            }
            return null;
        });
        assertTrue("the writing node's own version moves as the commit returns", first.dataVersion() > own);
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (second.dataVersion() == before) {
            assertTrue("the other node hears the commit", System.nanoTime() < deadline);
            Thread.sleep(5);
        }
    }

    @Test
    public void nodesStartingTogetherMigrateOnce() throws Exception {
        List<SchemaMigration> migrations = List.of(
                new SchemaMigration(1, "a table", "CREATE TABLE ns_row (id INT PRIMARY KEY);\nINSERT INTO ns_row VALUES (1);"),
                new SchemaMigration(2, "a second row", "INSERT INTO ns_row VALUES (2);"));
        List<Callable<Integer>> starts = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            starts.add(() -> node().migrate("nodes", migrations));
        }
        for (Future<Integer> started : threads.invokeAll(starts)) {
            assertEquals("every node ends at the last version", Integer.valueOf(2), started.get());
        }
        JdbcBackboneStore one = node();
        assertEquals(2, count(one, "SELECT COUNT(*) FROM ns_row"));
        assertEquals(2, count(one, "SELECT COUNT(*) FROM schema_version WHERE module = 'nodes'"));
    }

    @Test
    public void workUnderOneNameRunsOnOneNodeAtATime() throws Exception {
        JdbcBackboneStore first = node();
        JdbcBackboneStore second = node();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            JdbcBackboneStore node = i % 2 == 0 ? first : second;
            work.add(() -> node.exclusively("demo:i:f", () -> {
                mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inside.decrementAndGet();
                return null;
            }));
        }
        for (Future<Void> done : threads.invokeAll(work)) {
            done.get();
        }
        assertEquals("never two at once, across both nodes", 1, mostInside.get());
        assertEquals("another name is not held up", "free",
                first.exclusively("demo:other:f", () -> "free"));
    }

    @Test
    public void aSecondRecordOfOneNameIsRefusedUnderAHeldLockOnPostgresql() throws Exception {
        JdbcBackboneStore node = node();
        assertEquals("unguarded, every request reads before any writes", 8,
                SecondRecordRace.recordsAfter(node, null, threads));
        assertEquals("under the lock, the second reads the first's row", 1,
                SecondRecordRace.recordsAfter(node, "race:riverbend", threads));
    }

    /** One organisation held shared by a write on each node, and its merge on one of them taking it whole. */
    @Test
    public void sharedHoldersOnTwoNodesRunTogetherAndAWholeHolderWaitsForThemAll() throws Exception {
        SharedHolds.Outcome outcome = SharedHolds.run(node(), node(), threads);
        assertTrue("two shared holders at once, one on each node", outcome.sharedHeldTogether());
        assertTrue("the whole holder started after both ended", outcome.wholeWaitedForBoth());
    }

    private static int count(JdbcBackboneStore store, String sql) {
        return store.read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getInt(1);
            }
        });
    }
}
