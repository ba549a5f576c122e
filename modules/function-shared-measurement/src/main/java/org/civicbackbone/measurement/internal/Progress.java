package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Where an indicator stands against its target.
 *
 * @param latestPeriod     the latest period with a value, or null
 * @param latestValue      the initiative's figure for it, or null
 * @param percentOfTarget  how far from baseline toward target the latest value has come, in percent (may be
 *                         negative, or above 100 once the target is passed)
 * @param expectedPercent  how far it should have come by the end of the latest period, if progress were even
 * @param status           ON_TRACK, OFF_TRACK, TARGET_MET or NO_DATA
 * @param stale            true when nothing was reported for the last complete period or later
 */
public record Progress(String latestPeriod, BigDecimal latestValue, BigDecimal percentOfTarget,
                       BigDecimal expectedPercent, String status, boolean stale) {

    /** Computes progress from the totals series (oldest first) as of a day. */
    public static Progress of(Indicator indicator, List<SeriesPoint> totals, LocalDate today) {
        String lastComplete = indicator.reportingPeriod().previousPeriod(today);
        if (totals.isEmpty()) {
            return new Progress(null, null, null, null, "NO_DATA", true);
        }
        SeriesPoint latest = totals.get(totals.size() - 1);
        boolean stale = latest.period().compareTo(lastComplete) < 0;
        BigDecimal span = indicator.target().subtract(indicator.baseline());
        BigDecimal percent = latest.value().subtract(indicator.baseline())
                .multiply(BigDecimal.valueOf(100)).divide(span, MathContext.DECIMAL64).setScale(1, RoundingMode.HALF_UP);
        LocalDate end = indicator.reportingPeriod().endExclusive(latest.period());
        long total = ChronoUnit.DAYS.between(indicator.baselineDate(), indicator.targetDate());
        long elapsed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(indicator.baselineDate(), end)));
        BigDecimal expected = BigDecimal.valueOf(elapsed * 100).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
        String status;
        if (percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            status = "TARGET_MET";
        } else if (percent.compareTo(expected) >= 0) {
            status = "ON_TRACK";
        } else {
            status = "OFF_TRACK";
        }
        return new Progress(latest.period(), latest.value(), percent, expected, status, stale);
    }
}
