package org.civicbackbone.measurement.internal.shell;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.measurement.internal.Aggregation;
import org.civicbackbone.measurement.internal.Direction;
import org.civicbackbone.measurement.internal.Indicator;
import org.civicbackbone.measurement.internal.IndicatorSpec;
import org.civicbackbone.measurement.internal.PeriodType;
import org.civicbackbone.measurement.internal.SharedMeasurement;

/**
 * The options that define an indicator, shared by {@code indicator-add} and {@code indicator-update}. An option not
 * given keeps the indicator's current value (when adding: the default named, or the option is required). Every bad
 * option is told at once, by its name.
 */
abstract class IndicatorOptions implements Action {

    @Option(name = "--definition", description = "What is counted and how (required when adding)")
    String definition;

    @Option(name = "--unit", description = "The unit (%, children, cards) (required when adding)")
    String unit;

    @Option(name = "--direction", description = "UP or DOWN: which way is better (when adding: UP)")
    String direction;

    @Option(name = "--aggregation", description = "SUM or MEAN across partners (when adding: SUM)")
    String aggregation;

    @Option(name = "--period", description = "MONTH, QUARTER or YEAR (when adding: QUARTER)")
    String period;

    @Option(name = "--baseline", description = "The baseline value (required when adding)")
    String baseline;

    @Option(name = "--baseline-date", description = "The baseline date, YYYY-MM-DD (required when adding)")
    String baselineDate;

    @Option(name = "--target", description = "The target value (required when adding)")
    String target;

    @Option(name = "--target-date", description = "The target date, YYYY-MM-DD (required when adding)")
    String targetDate;

    @Option(name = "--minimum", description = "The lowest value a partner may report (0 for a count); none: no lower bound")
    String minimum;

    @Option(name = "--maximum", description = "The highest value a partner may report (100 for a %); none: no upper bound")
    String maximum;

    @Reference
    SharedMeasurement measurement;

    @Reference
    Session session;

    /** The definition the options give over {@code current} (null when adding), with each bad option in faults. */
    IndicatorSpec spec(String name, Indicator current, List<Violation> faults) {
        boolean adding = current == null;
        return new IndicatorSpec(name,
                text(faults, "--definition", definition, adding ? null : current.definition()),
                text(faults, "--unit", unit, adding ? null : current.unit()),
                read(faults, "--direction", direction, adding ? Direction.UP : current.direction(),
                        t -> Direction.valueOf(t.toUpperCase(Locale.ROOT)), "UP or DOWN"),
                read(faults, "--aggregation", aggregation, adding ? Aggregation.SUM : current.aggregation(),
                        t -> Aggregation.valueOf(t.toUpperCase(Locale.ROOT)), "SUM or MEAN"),
                read(faults, "--period", period, adding ? PeriodType.QUARTER : current.reportingPeriod(),
                        t -> PeriodType.valueOf(t.toUpperCase(Locale.ROOT)), "MONTH, QUARTER or YEAR"),
                read(faults, "--baseline", baseline, adding ? null : current.baseline(), BigDecimal::new, "a number"),
                read(faults, "--baseline-date", baselineDate, adding ? null : current.baselineDate(), LocalDate::parse,
                        "a day (YYYY-MM-DD)"),
                read(faults, "--target", target, adding ? null : current.target(), BigDecimal::new, "a number"),
                read(faults, "--target-date", targetDate, adding ? null : current.targetDate(), LocalDate::parse,
                        "a day (YYYY-MM-DD)"),
                bound(faults, "--minimum", minimum, adding ? null : current.minimum()),
                bound(faults, "--maximum", maximum, adding ? null : current.maximum()));
    }

    private static String text(List<Violation> faults, String option, String given, String current) {
        return read(faults, option, given, current, t -> t, "text");
    }

    /** A bound: {@code none} takes it away. */
    private static BigDecimal bound(List<Violation> faults, String option, String given, BigDecimal current) {
        if (given != null && given.strip().equalsIgnoreCase("none")) {
            return null;
        }
        return given == null ? current : read(faults, option, given, null, BigDecimal::new, "a number or none");
    }

    /** The option's value; when not given, {@code current}, and when there is none either, a fault: it is required. */
    private static <T> T read(List<Violation> faults, String option, String given, T current,
                              Function<String, T> parse, String expected) {
        if (given == null) {
            if (current == null) {
                faults.add(new Violation(option, "is required"));
            }
            return current;
        }
        try {
            return parse.apply(given.strip());
        } catch (RuntimeException e) {
            faults.add(new Violation(option, "'" + given + "' is not " + expected));
            return null;
        }
    }
}
