package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/** How partners' values for one period combine into the initiative's figure. */
public enum Aggregation {
    /** Counts that add up across partners (library cards issued). */
    SUM,
    /** Rates or averages that do not add up (percentage ready for kindergarten). */
    MEAN;

    /** Combines the values; null for no values. */
    public BigDecimal combine(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return this == SUM ? sum : sum.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64).stripTrailingZeros();
    }

    /** Combines {@code count} values that add up to {@code sum}, as {@link #combine(List)} combines them. */
    public BigDecimal combine(BigDecimal sum, int count) {
        if (this == MEAN) {
            return sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64).stripTrailingZeros();
        }
        BigDecimal plain = sum.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }
}
