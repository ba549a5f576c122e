package org.civicbackbone.benchmarks.imports;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Where one side of one size of the import benchmark keeps its data. */
final class BenchmarkDatabase {

    private BenchmarkDatabase() {
    }

    /**
     * Closes one side's database once its part is measured: an H2 database is shut down (it would otherwise stay open
     * in this JVM, keeping its page cache in the heap and its writer thread busy), a PostgreSQL pool closed.
     */
    static void close(DataSource ds) {
        try {
            if (ds instanceof AutoCloseable pool) {
                pool.close();
            } else {
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not close a benchmark database: " + e.getMessage(), e);
        }
    }

    /**
     * Removes one round's H2 files once both sides are measured and closed (PostgreSQL's go at the next round); what
     * cannot be removed is said and left for the script's own clean-up at the end.
     */
    static void remove(Path folder) {
        if (POSTGRESQL || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            System.err.println("could not remove " + folder + " yet (" + e + "); it goes at the end");
        }
    }

    /**
     * Lets the machine's disk settle before a timed part: {@code sync} writes out what an earlier part left in the
     * page cache, so that neither side pays for the other's writes.
     */
    static void settle() throws java.io.IOException, InterruptedException {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    /** {@code -Dbenchmark.database=postgresql}: the machine's PostgreSQL instead of H2 files. */
    static final boolean POSTGRESQL = "postgresql".equals(System.getProperty("benchmark.database"));

    /**
     * A database of its own for one side of one size: an H2 file opened as the distribution opens it, or a fresh
     * database on the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust) pooled by HikariCP as the
     * distribution's PostgreSQL data source is.
     */
    static DataSource of(Path folder) {
        if (!POSTGRESQL) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:async:" + folder.resolve("backbone") + ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
            return ds;
        }
        String name = "backbone_bench_" + folder.getFileName().toString().replace('-', '_');
        String server = "jdbc:postgresql://127.0.0.1:5432/";
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 (user postgres, trust) is needed: "
                    + e.getMessage(), e);
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(server + name + "?reWriteBatchedInserts=true");
        pool.setUsername("postgres");
        pool.setPassword("");
        pool.setMaximumPoolSize(4);
        return pool;
    }
}
