package org.civicbackbone.measurement.internal.shell;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.shell.CommandRefused;
import org.civicbackbone.measurement.internal.Aggregation;
import org.civicbackbone.measurement.internal.Direction;
import org.civicbackbone.measurement.internal.Indicator;
import org.civicbackbone.measurement.internal.IndicatorSpec;
import org.civicbackbone.measurement.internal.PeriodType;
import org.civicbackbone.measurement.internal.SharedMeasurement;

/** Defines a new indicator for an initiative. */
@Service
@Command(scope = "backbone", name = "indicator-add", description = "Defines a new shared indicator for an initiative")
public class IndicatorAddCommand implements Action {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Argument(index = 1, name = "name", description = "The indicator's name", required = true)
    String name;

    @Option(name = "--definition", description = "What is counted and how", required = true)
    String definition;

    @Option(name = "--unit", description = "The unit (%, children, cards)", required = true)
    String unit;

    @Option(name = "--direction", description = "UP or DOWN: which way is better")
    String direction = "UP";

    @Option(name = "--aggregation", description = "SUM or MEAN across partners")
    String aggregation = "SUM";

    @Option(name = "--period", description = "MONTH, QUARTER or YEAR")
    String period = "QUARTER";

    @Option(name = "--baseline", description = "The baseline value", required = true)
    String baseline;

    @Option(name = "--baseline-date", description = "The baseline date, YYYY-MM-DD", required = true)
    String baselineDate;

    @Option(name = "--target", description = "The target value", required = true)
    String target;

    @Option(name = "--target-date", description = "The target date, YYYY-MM-DD", required = true)
    String targetDate;

    @Option(name = "--minimum", description = "The lowest value a partner may report (0 for a count); no lower bound if not given")
    String minimum;

    @Option(name = "--maximum", description = "The highest value a partner may report (100 for a %); no upper bound if not given")
    String maximum;

    @Reference
    SharedMeasurement measurement;

    @Reference
    Session session;

    @Override
    public Object execute() {
        List<Violation> faults = new ArrayList<>(); // every bad option told at once, on standard output
        IndicatorSpec spec = new IndicatorSpec(name, definition, unit,
                read(faults, "--direction", direction, t -> Direction.valueOf(t.toUpperCase(Locale.ROOT)), "UP or DOWN"),
                read(faults, "--aggregation", aggregation, t -> Aggregation.valueOf(t.toUpperCase(Locale.ROOT)),
                        "SUM or MEAN"),
                read(faults, "--period", period, t -> PeriodType.valueOf(t.toUpperCase(Locale.ROOT)),
                        "MONTH, QUARTER or YEAR"),
                read(faults, "--baseline", baseline, BigDecimal::new, "a number"),
                read(faults, "--baseline-date", baselineDate, LocalDate::parse, "a day (YYYY-MM-DD)"),
                read(faults, "--target", target, BigDecimal::new, "a number"),
                read(faults, "--target-date", targetDate, LocalDate::parse, "a day (YYYY-MM-DD)"),
                minimum == null ? null : read(faults, "--minimum", minimum, BigDecimal::new, "a number"),
                maximum == null ? null : read(faults, "--maximum", maximum, BigDecimal::new, "a number"));
        try {
            ProblemException.refuseIfAny(faults);
            Indicator created = measurement.addIndicator(initiativeId, spec, ShellUser.of(session));
            System.out.println("Created indicator " + created.id() + ": " + created.name());
        } catch (ProblemException e) {
            throw new CommandRefused(e);
        }
        return null;
    }

    private static <T> T read(List<Violation> faults, String option, String text, Function<String, T> parse,
                              String expected) {
        try {
            return parse.apply(text.strip());
        } catch (RuntimeException e) {
            faults.add(new Violation(option, "'" + text + "' is not " + expected));
            return null;
        }
    }
}
