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
}
