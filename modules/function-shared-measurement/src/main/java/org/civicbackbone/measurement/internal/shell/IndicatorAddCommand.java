package org.civicbackbone.measurement.internal.shell;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.civicbackbone.api.problem.ProblemException;
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

    @Reference
    SharedMeasurement measurement;

    @Reference
    Session session;

    @Override
    public Object execute() {
        IndicatorSpec spec;
        try {
            spec = new IndicatorSpec(name, definition, unit, Direction.valueOf(direction.toUpperCase()),
                    Aggregation.valueOf(aggregation.toUpperCase()), PeriodType.valueOf(period.toUpperCase()),
                    new BigDecimal(baseline), LocalDate.parse(baselineDate), new BigDecimal(target),
                    LocalDate.parse(targetDate));
        } catch (RuntimeException e) {
            System.err.println("Invalid option: " + e.getMessage());
            return null;
        }
        try {
            Indicator created = measurement.addIndicator(initiativeId, spec, ShellUser.of(session));
            System.out.println("Created indicator " + created.id() + ": " + created.name());
        } catch (ProblemException e) {
            throw new CommandRefused(e);
        }
        return null;
    }
}
