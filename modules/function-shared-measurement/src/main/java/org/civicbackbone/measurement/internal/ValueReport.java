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
import java.util.Optional;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.problem.Violation;

/**
 * A value a partner reports for one period. With a dimension and category (age band / 0-5) it is one slice of a
 * disaggregation; without them it is the partner's total for the period.
 */
public record ValueReport(
        @NotBlank @Size(max = 20) String period,
        @NotBlank @Size(max = 200) String partner,
        @NotNull @Digits(integer = 14, fraction = 6, message = ValueReport.RANGE) BigDecimal value,
        @Size(max = 100) String dimension,
        @Size(max = 100) String category) {

    /** What the value column holds (DECIMAL(20, 6)); more is refused, never rounded. */
    static final String RANGE = "is out of range: at most 14 digits before the decimal point and 6 after it";

    /** Whether the value fits the column without rounding. */
    static boolean fitsColumn(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        int fraction = Math.max(0, plain.scale());
        int integer = Math.max(0, plain.precision() - plain.scale());
        return fraction <= 6 && integer <= 14;
    }

    /**
     * What is wrong with this report for the indicator (its period, its bounds), given the organisation its partner
     * resolved to (empty when the registry knows no such name): every fault at once, as a file's row lists them.
     */
    List<Violation> faults(Indicator indicator, Optional<Organisation> resolved) {
        List<Violation> faults = new ArrayList<>();
        if (resolved.isEmpty()) {
            faults.add(new Violation("partner", OrganisationRegistry.unknown(partner)));
        }
        indicator.reportingPeriod().reportingRefusal(period, LocalDate.now())
                .ifPresent(why -> faults.add(new Violation("period", why)));
        indicator.outOfBounds(value).ifPresent(why -> faults.add(new Violation("value", why)));
        return faults;
    }

    /** The same report in the partner's name as its registry record spells it. */
    ValueReport inNameOf(String registeredName) {
        return new ValueReport(period, registeredName, value, dimension, category);
    }

    /** A disaggregation needs both its dimension and its category. */
    @AssertTrue(message = "dimension and category must be given together, or neither")
    public boolean isCategory() {
        return dimensionKey().isEmpty() == categoryKey().isEmpty();
    }

    /** The dimension, or empty for a total. */
    public String dimensionKey() {
        return dimension == null ? "" : dimension.strip();
    }

    /** The category, or empty for a total. */
    public String categoryKey() {
        return category == null ? "" : category.strip();
    }
}
