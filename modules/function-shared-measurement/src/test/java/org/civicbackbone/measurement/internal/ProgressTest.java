package org.civicbackbone.measurement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import org.junit.Test;

public class ProgressTest {

    private static Indicator indicator(Direction direction, Aggregation aggregation, String baseline, String target) {
        return new Indicator(1, "i", "n", "d", "%", direction, aggregation, PeriodType.YEAR, new BigDecimal(baseline),
                LocalDate.of(2020, 1, 1), new BigDecimal(target), LocalDate.of(2030, 1, 1), null, null);
    }

    private static ReportedValue value(String period, String partner, String amount) {
        return new ReportedValue(0, 1, period, partner, "", "", new BigDecimal(amount), "u", Instant.EPOCH, null);
    }

    @Test
    public void noValuesMeansNoData() {
        Progress p = Progress.of(indicator(Direction.UP, Aggregation.SUM, "40", "60"), List.of(), LocalDate.of(2025, 6, 1));
        assertEquals("NO_DATA", p.status());
        assertNull(p.percentOfTarget());
        assertTrue(p.stale());
    }

    @Test
    public void upwardIndicatorOnTrack() {
        Indicator i = indicator(Direction.UP, Aggregation.MEAN, "40", "60");
        // 2024 ends 2025-01-01: 5 of 10 years elapsed, 50% expected; mean of 50 and 52 = 51, 55% of the way
        List<SeriesPoint> series = Series.of(i, List.of(value("2024", "a", "50"), value("2024", "b", "52")), null);
        Progress p = Progress.of(i, series, LocalDate.of(2025, 6, 1));
        assertEquals(0, new BigDecimal("51").compareTo(p.latestValue()));
        assertEquals(new BigDecimal("55.0"), p.percentOfTarget());
        assertEquals(new BigDecimal("50.0"), p.expectedPercent());
        assertEquals("ON_TRACK", p.status());
        assertFalse(p.stale());
    }

    @Test
    public void downwardIndicatorOffTrackAndStale() {
        Indicator i = indicator(Direction.DOWN, Aggregation.SUM, "100", "50");
        // 2022 ends 2023-01-01: 30% expected; 10 + 80 = 90, 20% of the way down
        List<SeriesPoint> series = Series.of(i, List.of(value("2022", "a", "10"), value("2022", "b", "80")), null);
        Progress p = Progress.of(i, series, LocalDate.of(2025, 6, 1));
        assertEquals(new BigDecimal("20.0"), p.percentOfTarget());
        assertEquals("OFF_TRACK", p.status());
        assertTrue("nothing reported for 2024", p.stale());
    }

    @Test
    public void targetMetOnceReached() {
        Indicator i = indicator(Direction.UP, Aggregation.SUM, "40", "60");
        Progress p = Progress.of(i, Series.of(i, List.of(value("2021", "a", "61")), null), LocalDate.of(2022, 2, 1));
        assertEquals("TARGET_MET", p.status());
    }

    @Test
    public void aggregatesSumAndMeanPerPeriodIgnoringDisaggregations() {
        Indicator sum = indicator(Direction.UP, Aggregation.SUM, "0", "10");
        List<ReportedValue> values = List.of(value("2024", "a", "3"), value("2024", "b", "4"), value("2025", "a", "5"),
                new ReportedValue(0, 1, "2024", "a", "age band", "0-4", new BigDecimal("2"), "u", Instant.EPOCH, null),
                new ReportedValue(0, 1, "2024", "b", "age band", "0-4", new BigDecimal("1"), "u", Instant.EPOCH, null));
        List<SeriesPoint> totals = Series.of(sum, values, null);
        assertEquals(2, totals.size());
        assertEquals(0, new BigDecimal("7").compareTo(totals.get(0).value()));
        assertEquals(2, totals.get(0).partners());
        List<SeriesPoint> byAge = Series.of(sum, values, "age band");
        assertEquals(1, byAge.size());
        assertEquals("0-4", byAge.get(0).category());
        assertEquals(0, new BigDecimal("3").compareTo(byAge.get(0).value()));
        Indicator mean = indicator(Direction.UP, Aggregation.MEAN, "0", "10");
        assertEquals(0, new BigDecimal("3.5").compareTo(Series.of(mean, values, null).get(0).value()));
    }
}
