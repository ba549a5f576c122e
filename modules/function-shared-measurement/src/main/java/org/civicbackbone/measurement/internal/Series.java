package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds an indicator's series from reported values. */
public final class Series {

    private Series() {
    }

    /**
     * The combined figure per period, oldest first: partners' totals (values with no dimension) when
     * {@code dimension} is null, else one point per period and category of that dimension.
     */
    public static List<SeriesPoint> of(Indicator indicator, List<ReportedValue> values, String dimension) {
        String wanted = dimension == null ? "" : dimension;
        Map<String, Map<String, List<BigDecimal>>> byPeriod = new TreeMap<>();
        for (ReportedValue v : values) {
            if (!v.dimension().equalsIgnoreCase(wanted)) {
                continue;
            }
            byPeriod.computeIfAbsent(v.period(), p -> new TreeMap<>())
                    .computeIfAbsent(v.category(), c -> new ArrayList<>()).add(v.value());
        }
        List<SeriesPoint> points = new ArrayList<>();
        byPeriod.forEach((period, categories) -> categories.forEach((category, list) -> points.add(
                new SeriesPoint(period, dimension == null ? null : category,
                        indicator.aggregation().combine(list), list.size()))));
        return points;
    }

    /**
     * The same series from an indicator's roll-ups ({@link RollupRecords}): per period and category, the partners'
     * count and sum, combined by the indicator's aggregation exactly as {@link #of} combines the values.
     */
    public static List<SeriesPoint> ofRollups(Indicator indicator, List<RollupRecords.Rollup> rollups, String dimension) {
        Map<String, Map<String, RollupRecords.Rollup>> byPeriod = new TreeMap<>();
        for (RollupRecords.Rollup r : rollups) {
            byPeriod.computeIfAbsent(r.period(), p -> new TreeMap<>()).merge(r.category(), r, (a, b) ->
                    new RollupRecords.Rollup(a.period(), a.dimension(), a.category(), a.partners() + b.partners(),
                            a.total().add(b.total())));
        }
        List<SeriesPoint> points = new ArrayList<>();
        byPeriod.forEach((period, categories) -> categories.forEach((category, r) -> {
            if (r.partners() > 0) {
                points.add(new SeriesPoint(period, dimension == null ? null : category,
                        indicator.aggregation().combine(r.total(), r.partners()), r.partners()));
            }
        }));
        return points;
    }
}
