package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A shared indicator of an initiative, as stored. Its {@code minimum} and {@code maximum}, when given, bound the values
 * partners may report for it (no fewer than 0 cards, no more than 100 %).
 */
public record Indicator(long id, String initiativeId, String name, String definition, String unit,
                        Direction direction, Aggregation aggregation, PeriodType reportingPeriod,
                        BigDecimal baseline, LocalDate baselineDate, BigDecimal target, LocalDate targetDate,
                        BigDecimal minimum, BigDecimal maximum) {
    public Indicator {
        // 80.000000 as stored is 80: figures keep the precision they were given, not the column's
        baseline = plain(baseline);
        target = plain(target);
        minimum = plain(minimum);
        maximum = plain(maximum);
    }

    private static BigDecimal plain(BigDecimal figure) {
        return figure == null ? null : figure.stripTrailingZeros();
    }

    /** Why a value may not be reported for this indicator (below its minimum or above its maximum); empty if it may. */
    Optional<String> outOfBounds(BigDecimal value) {
        return bounds(value, minimum, maximum, "the indicator's");
    }

    /** Why {@code value} lies outside the bounds given ({@code whose} they are, in the message); empty if inside. */
    static Optional<String> bounds(BigDecimal value, BigDecimal minimum, BigDecimal maximum, String whose) {
        if (value != null && minimum != null && value.compareTo(minimum) < 0) {
            return Optional.of("is below " + whose + " minimum, " + minimum.toPlainString());
        }
        if (value != null && maximum != null && value.compareTo(maximum) > 0) {
            return Optional.of("is above " + whose + " maximum, " + maximum.toPlainString());
        }
        return Optional.empty();
    }
}
