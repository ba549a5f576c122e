package org.civicbackbone.benchmarks.imports;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import org.civicbackbone.activities.internal.AlignedActivities;
import org.civicbackbone.activities.internal.AlignedActivitiesFunction;
import org.civicbackbone.activities.internal.JointPlan.MeetingSpec;
import org.civicbackbone.api.console.WorkItems;
import org.civicbackbone.api.initiative.InitiativeSpec;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.measurement.internal.Aggregation;
import org.civicbackbone.measurement.internal.Direction;
import org.civicbackbone.measurement.internal.IndicatorSpec;
import org.civicbackbone.measurement.internal.MeasurementFunction;
import org.civicbackbone.measurement.internal.PeriodType;
import org.civicbackbone.measurement.internal.SharedMeasurement;
import org.civicbackbone.resources.internal.Funding.DeadlineSpec;
import org.civicbackbone.resources.internal.Funding.FunderSpec;
import org.civicbackbone.resources.internal.Funding.GrantSpec;
import org.civicbackbone.resources.internal.Resources;
import org.civicbackbone.resources.internal.ResourcesFunction;
import org.civicbackbone.store.internal.JdbcBackboneStore;
import org.civicbackbone.testkit.InMemoryInitiatives;
import org.civicbackbone.testkit.InMemoryOrganisations;
import org.civicbackbone.testkit.RecordingAuditLog;
import org.civicbackbone.testkit.ScriptedDecisions;

/**
 * The items of "My work" ({@code GET /api/v1/my-work/items}) for a person who sees 10, 100 and 1,000 initiatives (an
 * administrator), each with a meeting to come, a report due and two indicators not reported: the three built-in
 * modules asked once each for all the initiatives ({@code WorkItems.ofEach}, API console 1.2), beside the anchor of
 * asking each module once per initiative ({@code of}, as 1.1 did). Median of many reads after a warm-up, on an H2 file
 * database opened as the distribution opens it; printed with the cost per initiative (flat = linear growth) and the
 * ratio of the anchor's time to the batched read's.
 */
public final class MyWorkGrowth {

    private MyWorkGrowth() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(System.getProperty("benchmark.folder", System.getProperty("java.io.tmpdir")));
        JdbcBackboneStore store = new JdbcBackboneStore(BenchmarkDatabase.of(folder.resolve("my-work-growth")));
        RecordingAuditLog audit = new RecordingAuditLog(store);
        InMemoryOrganisations organisations = new InMemoryOrganisations();
        InMemoryInitiatives initiatives = new InMemoryInitiatives().withOrganisations(organisations);
        AlignedActivities plan = new AlignedActivities(store, audit, initiatives, input -> { }, organisations);
        Resources resources = new Resources(store, audit, initiatives, input -> { }, new ScriptedDecisions(store),
                organisations);
        SharedMeasurement measurement = new SharedMeasurement(store, audit, initiatives, input -> { },
                ImportBenchmark.ANYONE, organisations);
        List<WorkItems> modules = List.of(new AlignedActivitiesFunction(plan), new ResourcesFunction(resources),
                new MeasurementFunction(measurement));
        System.out.println("initiatives | module             | one read for all, ms | per initiative µs | anchor: one "
                + "read per initiative, ms | per initiative µs | anchor / batched");
        List<String> ids = new ArrayList<>();
        int[] sizes = Arrays.stream(System.getProperty("benchmark.sizes", "10,100,1000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        for (int size : sizes) {
            while (ids.size() < size) {
                String id = "i" + ids.size();
                addInitiative(initiatives, organisations, plan, resources, measurement, id);
                ids.add(id);
            }
            for (WorkItems module : modules) {
                int expected = size * (module instanceof MeasurementFunction ? 2 : 1); // two indicators each
                double batched = medianMicros(() -> module.ofEach(ids).values().stream().mapToInt(List::size).sum(),
                        expected, size);
                double anchor = medianMicros(() -> ids.stream().mapToInt(id -> module.of(id).size()).sum(), expected,
                        size);
                System.out.printf("%,11d | %-18s | %,20.2f | %,17.1f | %,33.2f | %,17.1f | %.1fx%n", size,
                        module.functionId(), batched / 1_000, batched / size, anchor / 1_000, anchor / size,
                        anchor / batched);
            }
        }
        System.exit(0);
    }

    private static void addInitiative(InMemoryInitiatives initiatives, InMemoryOrganisations organisations,
                                      AlignedActivities plan, Resources resources, SharedMeasurement measurement,
                                      String id) {
        initiatives.create(new InitiativeSpec(id, id, null, null, "nested",
                List.of("aligned-activities", "resources", "shared-measurement")), "bench");
        organisations.with(id, Sector.NONPROFIT, "Library");
        plan.schedule(id, new MeetingSpec(null, "Steering committee", Instant.now().plus(Duration.ofDays(10)),
                "1. Data"), "bench");
        long funder = resources.addFunder(id, new FunderSpec("Community Foundation", Sector.PHILANTHROPY, null),
                "bench").id();
        long grant = resources.addGrant(id, new GrantSpec(funder, "Summer reading", new BigDecimal("1500"),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), "bench").id();
        resources.addDeadline(id, grant, new DeadlineSpec(LocalDate.now().plusDays(10), "Interim report"), "bench");
        for (String name : List.of("Visits", "Cards")) {
            measurement.addIndicator(id, new IndicatorSpec(name, "d", "n", Direction.UP, Aggregation.SUM,
                    PeriodType.MONTH, BigDecimal.ZERO, LocalDate.of(2025, 1, 1), BigDecimal.TEN,
                    LocalDate.of(2027, 1, 1)), "bench");
        }
    }

    /** The median time of a read in µs, after a warm-up; fails if the read misses items. */
    private static double medianMicros(IntSupplier read, int expected, int size) {
        int runs = Math.max(21, Math.min(200, 20_000 / size));
        return MedianTime.of(runs, runs, () -> {
            int items = read.getAsInt();
            if (items != expected) {
                throw new IllegalStateException(items + " items, expected " + expected);
            }
        }) / 1_000.0;
    }
}
