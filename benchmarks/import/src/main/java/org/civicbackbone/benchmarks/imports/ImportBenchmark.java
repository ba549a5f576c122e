package org.civicbackbone.benchmarks.imports;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.civicbackbone.api.initiative.AccessRole;
import org.civicbackbone.api.initiative.InitiativeAccess;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.measurement.internal.Aggregation;
import org.civicbackbone.measurement.internal.Direction;
import org.civicbackbone.measurement.internal.ImportJob;
import org.civicbackbone.measurement.internal.Indicator;
import org.civicbackbone.measurement.internal.IndicatorSpec;
import org.civicbackbone.measurement.internal.PeriodType;
import org.civicbackbone.measurement.internal.ReportingScope;
import org.civicbackbone.measurement.internal.SharedMeasurement;
import org.civicbackbone.measurement.internal.ValueImports;
import org.civicbackbone.measurement.internal.ValueUpload;
import org.civicbackbone.store.internal.JdbcBackboneStore;
import org.civicbackbone.testkit.InMemoryInitiatives;
import org.civicbackbone.testkit.InMemoryOrganisations;
import org.civicbackbone.testkit.RecordingAuditLog;

/**
 * The shared-measurement CSV import (streamed, checked whole, stored in one transaction in batches, as a job) beside
 * its anchor in the same run: a raw batched JDBC insert of the same file's rows into the same schema, on an H2 file
 * database opened as the distribution opens it. Then the indicator overview beside a raw indexed GROUP BY over the
 * same rows, and the same file imported again (every row then replaces a value and keeps it as a correction). Prints
 * each figure, its anchor and the ratio, and the most heap still in use after a collection; and under each size where
 * the time of each side went: rows sent against the commit (on H2 the commit of a million-row transaction is about
 * half of either side's time).
 * Arguments: the file sizes in rows (default 10000 100000 1000000); {@code -Dbenchmark.rounds=N} measures each size N
 * times, both sides afresh each time, and prints the median of the ratios (one run of a million rows on H2 moves by a
 * tenth either way with the machine's disk).
 */
public final class ImportBenchmark {

    private static final int INDICATORS = 4;
    private static final int CATEGORIES = 10;
    private static final int MONTHS = 120;
    /** The largest file imported a second time: H2 keeps a transaction's undo log in the heap, 256 MB here. */
    private static final int AGAIN_AT_MOST = Integer.getInteger("benchmark.againAtMost", 100_000);

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String arg : args) {
            sizes.add(Integer.parseInt(arg.replace("_", "")));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 100_000, 1_000_000);
        }
        String folder = System.getProperty("benchmark.folder");
        Path work = folder != null ? Path.of(folder) : Files.createTempDirectory("backbone-import-benchmark");
        System.out.println("database: " + (BenchmarkDatabase.POSTGRESQL ? "PostgreSQL on 127.0.0.1:5432" : "H2 files"));
        System.out.printf("%-9s | %-30s | %-30s | %-6s | %-23s | %-23s | %-30s | %s%n", "rows", "import (rows/s)",
                "raw batched insert (rows/s)", "ratio", "overview", "raw GROUP BY", "again, as corrections (rows/s)",
                "live heap after GC");
        int rounds = Integer.getInteger("benchmark.rounds", 1);
        for (int rows : sizes) {
            Path csv = work.resolve("values-" + rows + ".csv");
            int partners = write(csv, rows);
            List<Double> ratios = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                ratios.add(round(work.resolve(rows + "-" + round), csv, rows, partners));
            }
            if (rounds > 1) {
                List<Double> sorted = ratios.stream().sorted().toList();
                double median = rounds % 2 == 1 ? sorted.get(rounds / 2)
                        : (sorted.get(rounds / 2 - 1) + sorted.get(rounds / 2)) / 2;
                System.out.printf("%,9d   import / raw insert over %d rounds: median %.2fx (%s)%n", rows, rounds, median,
                        String.join(", ", ratios.stream().map(r -> String.format("%.2fx", r)).toList()));
            }
        }
        System.exit(0); // a safeguard: no thread a measured side left behind may keep the JVM running
    }

    /**
     * One round at one size, each side on a database of its own under {@code folder}, removed once measured (a million
     * rows take about 4 GB on H2): prints the round's line and where the time went; returns import / anchor.
     */
    private static double round(Path folder, Path csv, int rows, int partners) throws Exception {
        HeapWatch heap = new HeapWatch();
        BenchmarkDatabase.settle();
        Phases raw = rawInsert(folder.resolve("anchor"), csv, partners);
        double anchor = raw.total();
        World world = new World(folder.resolve("import"), partners);
        BenchmarkDatabase.settle();
        Phases imported = new Phases();
        ImportJob job = world.importFile(csv, imported);
        double seconds = imported.total();
        if (job.state() != ImportJob.State.DONE) {
            throw new IllegalStateException("the import ended " + job.state() + ": " + job.message() + " "
                    + job.violations());
        }
        long overviewNanos = world.overviewNanos();
        long groupByNanos = world.groupByNanos();
        double againSeconds = Double.NaN; // up to AGAIN_AT_MOST rows: see the class comment
        if (rows <= AGAIN_AT_MOST) {
            Phases second = new Phases();
            ImportJob again = world.importFile(csv, second);
            againSeconds = second.total();
            if (again.state() != ImportJob.State.DONE) {
                throw new IllegalStateException("the second import ended " + again.state() + ": " + again.message());
            }
        }
        heap.stop();
        world.imports.stop(); // else its leases' clock would open the database again after it is shut down
        BenchmarkDatabase.close(world.dataSource);
        String again = Double.isNaN(againSeconds) ? String.format("%-30s", "not run (over " + String.format("%,d",
                AGAIN_AT_MOST) + " rows)") : String.format("%6.2f s (%,9.0f rows/s)        ", againSeconds,
                rows / againSeconds);
        System.out.printf("%,9d | %6.2f s (%,9.0f rows/s)         | %6.2f s (%,9.0f rows/s)         | %5.2fx | "
                        + "%,10.1f ms            | %,10.1f ms            | %s | %,d MB%n", rows, seconds, rows / seconds,
                anchor, rows / anchor, anchor / seconds, overviewNanos / 1e6, groupByNanos / 1e6, again,
                heap.peakLiveBytes() / (1024 * 1024));
        System.out.printf("%9s   where the time went: the raw insert sent its rows in %.2f s and committed in %.2f s; "
                        + "the import kept its upload in %.2f s, had read, checked and sent its rows at %.2f s, "
                        + "then wrote the rest and its roll-ups and committed in %.2f s%n", "", raw.at("sent"),
                raw.total() - raw.at("sent"), imported.at("kept"), imported.at("checked"),
                imported.total() - imported.at("checked"));
        BenchmarkDatabase.remove(folder);
        return anchor / seconds;
    }

    /** The file: 4 indicators, monthly from 2015, 10 categories of one disaggregation, as many partners as it takes. */
    private static int write(Path csv, int rows) throws IOException {
        int perPartner = INDICATORS * MONTHS * CATEGORIES;
        int partners = Math.max(1, (rows + perPartner - 1) / perPartner);
        int months = Math.min(MONTHS, Math.max(1, rows / (INDICATORS * CATEGORIES * partners)));
        int written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("indicator,period,partner,value,dimension,category\n");
            for (int p = 0; p < partners && written < rows; p++) {
                for (int i = 1; i <= INDICATORS && written < rows; i++) {
                    for (int m = 0; m < months && written < rows; m++) {
                        String period = YearMonth.of(2015, 1).plusMonths(m).toString();
                        for (int c = 0; c < CATEGORIES && written < rows; c++) {
                            out.write(i + "," + period + ",Partner " + p + "," + (m * 7 + c) % 997 + ".5,age band,"
                                    + c + "\n");
                            written++;
                        }
                    }
                }
            }
        }
        return partners;
    }

    /** The anchor: the same schema, the file's lines split and inserted a thousand at a time in one transaction. */
    private static Phases rawInsert(Path folder, Path csv, int partners) throws Exception {
        DataSource ds = BenchmarkDatabase.of(folder);
        new World(ds, partners); // the module's own tables and indexes, and the indicators
        Phases phases = new Phases();
        try (Connection c = ds.getConnection(); BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             PreparedStatement insert = c.prepareStatement("INSERT INTO sm_value (indicator_id, period, partner, "
                     + "dimension, category, amount, reported_by, reported_at, organisation_id) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            in.readLine();
            int batched = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                insert.setLong(1, Long.parseLong(f[0]));
                insert.setString(2, f[1]);
                insert.setString(3, f[2]);
                insert.setString(4, f[4]);
                insert.setString(5, f[5]);
                insert.setBigDecimal(6, new BigDecimal(f[3]));
                insert.setString(7, "bench");
                insert.setTimestamp(8, now);
                insert.setLong(9, 1);
                insert.addBatch();
                if (++batched % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            phases.reached("sent");
            c.commit();
        }
        phases.end();
        BenchmarkDatabase.close(ds); // its cache, writer thread and housekeeping must not run during the import
        return phases;
    }

    /** The function as the platform runs it, on its own database, with the platform's fakes around it. */
    private static final class World {
        private final DataSource dataSource;
        private final JdbcBackboneStore store;
        private final SharedMeasurement measurement;
        private final ValueImports imports;
        private final List<Indicator> indicators;

        World(Path folder, int partners) {
            this(BenchmarkDatabase.of(folder), partners);
        }

        World(DataSource ds, int partners) {
            dataSource = ds;
            store = new JdbcBackboneStore(ds);
            InMemoryOrganisations organisations = new InMemoryOrganisations();
            for (int p = 0; p < partners; p++) {
                organisations.with("bench", Sector.NONPROFIT, "Partner " + p);
            }
            measurement = new SharedMeasurement(store, new RecordingAuditLog(store),
                    InMemoryInitiatives.with("bench", "shared-measurement").withOrganisations(organisations),
                    input -> { }, ANYONE, organisations);
            List<Indicator> made = new ArrayList<>();
            for (int i = 1; i <= INDICATORS; i++) {
                made.add(measurement.addIndicator("bench", new IndicatorSpec("Indicator " + i, "d", "n", Direction.UP,
                        Aggregation.SUM, PeriodType.MONTH, BigDecimal.ONE, LocalDate.of(2015, 1, 1),
                        BigDecimal.valueOf(1000), LocalDate.of(2030, 1, 1)), "bench"));
            }
            indicators = made;
            imports = new ValueImports(measurement);
        }

        /** Imports a file as a job, noting when the upload was kept and when every row had been checked. */
        ImportJob importFile(Path csv, Phases phases) throws Exception {
            ImportJob job = imports.start("bench", ValueUpload.receive(Files.newInputStream(csv)), "bench",
                    ReportingScope.ANY);
            phases.reached("kept");
            while (!job.state().ended()) {
                Thread.sleep(20);
                job = imports.job("bench", job.id());
                if (job.state() != ImportJob.State.CHECKING && job.state() != ImportJob.State.QUEUED) {
                    phases.reached("checked"); // the first time only: STORING or an end
                }
            }
            phases.end();
            return job;
        }

        /** The overview's median time over 21 reads after 50 (one read is mostly the interpreter's time). */
        long overviewNanos() {
            return MedianTime.of(50, 21, () -> measurement.overview("bench"));
        }

        /** The anchor of the overview: each indicator's totals per period by an indexed GROUP BY; median of 5. */
        long groupByNanos() {
            return MedianTime.of(1, 5, () -> store.read(c -> {
                for (Indicator indicator : indicators) {
                    try (PreparedStatement p = c.prepareStatement("SELECT period, SUM(amount) FROM sm_value "
                            + "WHERE indicator_id = ? AND dimension = '' GROUP BY period ORDER BY period")) {
                        p.setLong(1, indicator.id());
                        try (ResultSet r = p.executeQuery()) {
                            while (r.next()) {
                                r.getBigDecimal(2);
                            }
                        }
                    }
                }
                return null;
            }));
        }
    }

    /** Everyone is a platform admin: the benchmarks measure the data path, not access. */
    static final InitiativeAccess ANYONE = new InitiativeAccess() {
        @Override
        public Optional<AccessRole> role(String initiativeId, String login, boolean platformAdmin) {
            return Optional.of(AccessRole.PLATFORM_ADMIN);
        }

        @Override
        public Set<String> visible(String login, boolean platformAdmin) {
            return Set.of("bench");
        }
    };
}
