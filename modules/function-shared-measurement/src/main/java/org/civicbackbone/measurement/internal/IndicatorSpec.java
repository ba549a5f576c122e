package org.civicbackbone.measurement.internal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.civicbackbone.api.problem.RecordDays;
import org.civicbackbone.api.problem.Violation;

/** What a caller gives to define an indicator. */
public record IndicatorSpec(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 2000) String definition,
        @NotBlank @Size(max = 50) String unit,
        @NotNull Direction direction,
        @NotNull Aggregation aggregation,
        @NotNull PeriodType reportingPeriod,
        @NotNull BigDecimal baseline,
        @NotNull LocalDate baselineDate,
        @NotNull BigDecimal target,
        @NotNull LocalDate targetDate) {

    /** The baseline's and the target's days outside the years records may carry (a typing slip). */
    List<Violation> outsideYears() {
        List<Violation> faults = new ArrayList<>(RecordDays.outsideYears("baselineDate", baselineDate));
        faults.addAll(RecordDays.outsideYears("targetDate", targetDate));
        return faults;
    }

    /** The target date must come after the baseline. */
    @AssertTrue(message = "must be after baselineDate")
    public boolean isTargetDate() {
        return baselineDate == null || targetDate == null || targetDate.isAfter(baselineDate);
    }

    /** The target must lie in the indicator's direction from the baseline. */
    @AssertTrue(message = "must be above the baseline for direction UP and below it for direction DOWN")
    public boolean isTarget() {
        if (baseline == null || target == null || direction == null) {
            return true;
        }
        int cmp = target.compareTo(baseline);
        return direction == Direction.UP ? cmp > 0 : cmp < 0;
    }
}
