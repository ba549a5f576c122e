package org.civicbackbone.benchmarks.imports;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.civicbackbone.api.initiative.InitiativeSpec;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.measurement.internal.Aggregation;
import org.civicbackbone.measurement.internal.Direction;
import org.civicbackbone.measurement.internal.IndicatorSpec;
import org.civicbackbone.measurement.internal.PeriodType;
import org.civicbackbone.measurement.internal.ReportingScope;
import org.civicbackbone.measurement.internal.SharedMeasurement;
import org.civicbackbone.store.internal.JdbcBackboneStore;
import org.civicbackbone.testkit.InMemoryInitiatives;
import org.civicbackbone.testkit.InMemoryOrganisations;
import org.civicbackbone.testkit.RecordingAuditLog;

/**
 * The indicator overview of one initiative while the platform holds 10, 100 and 1,000 initiatives, each with four
 * indicators and a year of monthly values from two partners (issue 11): the overview reads one initiative's rows by
 * indexed columns, so its time must not grow with the initiatives beside it. Median of 400 overviews after a warm-up,
 * on an H2 file database opened as the distribution opens it.
 */
public final class OverviewGrowth {

    private static final int INDICATORS = 4;

    private OverviewGrowth() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(System.getProperty("benchmark.folder", System.getProperty("java.io.tmpdir")));
        JdbcBackboneStore store = new JdbcBackboneStore(BenchmarkDatabase.of(folder.resolve("overview-growth")));
        InMemoryOrganisations organisations = new InMemoryOrganisations();
        InMemoryInitiatives initiatives = new InMemoryInitiatives().withOrganisations(organisations);
        SharedMeasurement measurement = new SharedMeasurement(store, new RecordingAuditLog(store), initiatives,
                input -> { }, ImportBenchmark.ANYONE, organisations);
        System.out.println("initiatives | overview of one, median µs | values in the database");
        int made = 0;
        for (int size : new int[] {10, 100, 1_000}) {
            for (; made < size; made++) {
                addInitiative(measurement, initiatives, organisations, "i" + made);
            }
            System.out.printf("%,11d | %,25.0f | %,d%n", size, medianMicros(measurement, "i0"),
                    (long) size * INDICATORS * 12 * 2);
        }
        System.exit(0);
    }

    private static void addInitiative(SharedMeasurement measurement, InMemoryInitiatives initiatives,
                                      InMemoryOrganisations organisations, String id) {
        initiatives.create(new InitiativeSpec(id, id, null, null, "nested", List.of("shared-measurement")), "bench");
        organisations.with(id, Sector.NONPROFIT, "Library", "School");
        StringBuilder csv = new StringBuilder("indicator,period,partner,value\n");
        for (int i = 1; i <= INDICATORS; i++) {
            measurement.addIndicator(id, new IndicatorSpec("Indicator " + i, "d", "n", Direction.UP, Aggregation.SUM,
                    PeriodType.MONTH, BigDecimal.ONE, LocalDate.of(2025, 1, 1), BigDecimal.valueOf(1000),
                    LocalDate.of(2026, 12, 1)), "bench");
            for (int m = 0; m < 12; m++) {
                String period = YearMonth.of(2025, 1).plusMonths(m).toString();
                csv.append("Indicator ").append(i).append(',').append(period).append(",Library,").append(m + i).append('\n');
                csv.append("Indicator ").append(i).append(',').append(period).append(",School,").append(m * i).append('\n');
            }
        }
        measurement.importValues(id, csv.toString(), "bench", ReportingScope.ANY);
    }

    private static double medianMicros(SharedMeasurement measurement, String initiativeId) {
        return MedianTime.of(400, 400, () -> {
            if (measurement.overview(initiativeId).indicators() != INDICATORS) {
                throw new IllegalStateException("the overview lost indicators");
            }
        }) / 1_000.0;
    }
}
