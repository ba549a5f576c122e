package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A shared indicator of an initiative, as stored. */
public record Indicator(long id, String initiativeId, String name, String definition, String unit,
                        Direction direction, Aggregation aggregation, PeriodType reportingPeriod,
                        BigDecimal baseline, LocalDate baselineDate, BigDecimal target, LocalDate targetDate) {
}
