package org.civicbackbone.measurement.internal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.civicbackbone.api.problem.RecordDays;
import org.civicbackbone.api.problem.Violation;

/**
 * What a caller gives to define an indicator. Its {@code minimum} and {@code maximum} are optional: the least and the
 * most a partner may report (0 for a count, 0 and 100 for a percentage), checked on every value and import row.
 */
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
        @NotNull LocalDate targetDate,
        @Digits(integer = 14, fraction = 6, message = ValueReport.RANGE) BigDecimal minimum,
        @Digits(integer = 14, fraction = 6, message = ValueReport.RANGE) BigDecimal maximum) {

    /** An indicator without bounds on its values. */
    public IndicatorSpec(String name, String definition, String unit, Direction direction, Aggregation aggregation,
                         PeriodType reportingPeriod, BigDecimal baseline, LocalDate baselineDate, BigDecimal target,
                         LocalDate targetDate) {
        this(name, definition, unit, direction, aggregation, reportingPeriod, baseline, baselineDate, target,
                targetDate, null, null);
    }

    /**
     * What the annotations cannot say, naming each field: a baseline or target day outside the years records may
     * carry (a typing slip), a maximum below the minimum, a baseline or target outside the bounds given.
     */
    List<Violation> faults() {
        List<Violation> faults = new ArrayList<>(RecordDays.outsideYears("baselineDate", baselineDate));
        faults.addAll(RecordDays.outsideYears("targetDate", targetDate));
        if (minimum != null && maximum != null && maximum.compareTo(minimum) < 0) {
            faults.add(new Violation("maximum", "is below the minimum, " + minimum.toPlainString()));
        } else {
            Indicator.bounds(baseline, minimum, maximum, "the").ifPresent(why -> faults.add(new Violation("baseline", why)));
            Indicator.bounds(target, minimum, maximum, "the").ifPresent(why -> faults.add(new Violation("target", why)));
        }
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
