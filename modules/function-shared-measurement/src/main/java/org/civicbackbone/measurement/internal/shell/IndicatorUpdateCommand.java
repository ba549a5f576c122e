package org.civicbackbone.measurement.internal.shell;

import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.shell.CommandRefused;
import org.civicbackbone.measurement.internal.Indicator;
import org.civicbackbone.measurement.internal.IndicatorSpec;

/** Changes an indicator's definition: the options given, the rest as it is. */
@Service
@Command(scope = "backbone", name = "indicator-update", description = "Changes a shared indicator's definition: "
        + "the options given, the rest as it is (values already reported must suit it)")
public class IndicatorUpdateCommand extends IndicatorOptions {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Argument(index = 1, name = "indicator", description = "The indicator's id", required = true)
    long indicatorId;

    @Option(name = "--name", description = "A new name")
    String name;

    @Override
    public Object execute() {
        try {
            Indicator current = measurement.indicator(initiativeId, indicatorId);
            List<Violation> faults = new ArrayList<>(); // every bad option told at once, on standard output
            IndicatorSpec spec = spec(name == null ? current.name() : name, current, faults);
            ProblemException.refuseIfAny(faults);
            Indicator changed = measurement.updateIndicator(initiativeId, indicatorId, spec, ShellUser.of(session));
            System.out.println("Changed indicator " + changed.id() + ": " + changed.name());
        } catch (ProblemException e) {
            throw new CommandRefused(e);
        }
        return null;
    }
}
