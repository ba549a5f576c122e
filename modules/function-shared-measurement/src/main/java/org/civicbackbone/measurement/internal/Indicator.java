package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A shared indicator of an initiative, as stored. */
public record Indicator(long id, String initiativeId, String name, String definition, String unit,
                        Direction direction, Aggregation aggregation, PeriodType reportingPeriod,
                        BigDecimal baseline, LocalDate baselineDate, BigDecimal target, LocalDate targetDate) {
    public Indicator {
        // 80.000000 as stored is 80: figures keep the precision they were given, not the column's
        baseline = baseline == null ? null : baseline.stripTrailingZeros();
        target = target == null ? null : target.stripTrailingZeros();
    }
}
