package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.time.Instant;

/** A value as stored, with who reported it and when. */
public record ReportedValue(long id, long indicatorId, String period, String partner, String dimension,
                            String category, BigDecimal value, String reportedBy, Instant reportedAt,
                            Long organisationId) {
    public ReportedValue {
        value = value == null ? null : value.stripTrailingZeros(); // 83.500000 as stored is 83.5
    }
}
