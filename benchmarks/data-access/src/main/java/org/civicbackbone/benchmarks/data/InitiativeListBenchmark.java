package org.civicbackbone.benchmarks.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.core.internal.JdbcAuditLog;
import org.civicbackbone.core.internal.JdbcInitiativeService;
import org.civicbackbone.core.internal.JdbcOrganisationRegistry;
import org.civicbackbone.core.internal.JdbcPersonRegistry;
import org.civicbackbone.core.internal.LiveModuleCatalogue;
import org.civicbackbone.store.internal.JdbcBackboneStore;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code GET /initiatives} as the platform reads it: every initiative with its functions, from one H2 database.
 * The anchor is the hand-written JDBC the platform used before ADR 0009 (one query for the initiatives, then one per
 * initiative for its functions, columns read by position), kept here verbatim as the thing to beat; the figure is
 * today's {@link JdbcInitiativeService#list()}, a MyBatis mapper reading rows by name in two queries.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InitiativeListBenchmark {

    @Param({"10", "200"})
    public int initiatives;

    /**
     * H2 in memory, as the embedded default; or the machine's PostgreSQL over TCP, a fresh database per trial, with
     * pooled connections as the distribution's PostgreSQL data source has.
     */
    @Param({"h2", "postgresql"})
    public String database;

    private JdbcBackboneStore store;
    private JdbcInitiativeService service;

    @Setup(Level.Trial)
    public void fill() {
        store = new JdbcBackboneStore(database.equals("postgresql") ? freshPostgresql() : inMemoryH2());
        JdbcAuditLog audit = new JdbcAuditLog(store);
        service = new JdbcInitiativeService(store, audit, new LiveModuleCatalogue(), new JdbcOrganisationRegistry(store, audit), new JdbcPersonRegistry(store, audit));
        store.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                for (int i = 0; i < initiatives; i++) {
                    s.execute("INSERT INTO core_initiative (id, name, problem_statement, vision, structure_model_id, "
                            + "demo, created_at, updated_at) VALUES ('i" + i + "', 'Initiative " + i + "', 'p', 'v', "
                            + "'nested', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                    s.execute("INSERT INTO core_initiative_function VALUES ('i" + i + "', 'policy'), ('i" + i
                            + "', 'resources'), ('i" + i + "', 'shared-measurement')");
                }
            }
            return null;
        });
        if (handWrittenJdbc().size() != initiatives || mapper().size() != initiatives
                || !handWrittenJdbc().get(0).enabledFunctionIds().equals(mapper().get(0).enabledFunctionIds())) {
            throw new IllegalStateException("the two readings differ");
        }
    }

    private static javax.sql.DataSource inMemoryH2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:bench" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    private static javax.sql.DataSource freshPostgresql() {
        String server = "jdbc:postgresql://127.0.0.1:5432/";
        try (Connection c = java.sql.DriverManager.getConnection(server + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS backbone_bench WITH (FORCE)");
            s.execute("CREATE DATABASE backbone_bench");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 (user postgres, trust) is needed: "
                    + e.getMessage(), e);
        }
        com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();
        pool.setJdbcUrl(server + "backbone_bench");
        pool.setUsername("postgres");
        pool.setPassword("");
        pool.setMaximumPoolSize(4);
        return pool;
    }

    /** The anchor: the platform's list before ADR 0009. */
    @Benchmark
    public List<Initiative> handWrittenJdbc() {
        return store.read(c -> {
            List<Initiative> all = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, name, problem_statement, vision, "
                    + "structure_model_id, demo, created_at, updated_at FROM core_initiative ORDER BY name");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    all.add(initiative(c, r));
                }
            }
            return all;
        });
    }

    private static Initiative initiative(Connection c, ResultSet r) throws SQLException {
        String id = r.getString(1);
        List<String> functions = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT function_id FROM core_initiative_function WHERE initiative_id = ? ORDER BY function_id")) {
            p.setString(1, id);
            try (ResultSet f = p.executeQuery()) {
                while (f.next()) {
                    functions.add(f.getString(1));
                }
            }
        }
        return new Initiative(id, r.getString(2), r.getString(3), r.getString(4), r.getString(5), functions,
                r.getBoolean(6), r.getTimestamp(7).toInstant(), r.getTimestamp(8).toInstant());
    }

    /** The figure: the platform's list today. */
    @Benchmark
    public List<Initiative> mapper() {
        return service.list();
    }
}
