package org.civicbackbone.measurement.internal.shell;

import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.shell.CommandRefused;
import org.civicbackbone.measurement.internal.Indicator;
import org.civicbackbone.measurement.internal.IndicatorSpec;

/** Defines a new indicator for an initiative. */
@Service
@Command(scope = "backbone", name = "indicator-add", description = "Defines a new shared indicator for an initiative")
public class IndicatorAddCommand extends IndicatorOptions {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Argument(index = 1, name = "name", description = "The indicator's name", required = true)
    String name;

    @Override
    public Object execute() {
        List<Violation> faults = new ArrayList<>(); // every bad option told at once, on standard output
        IndicatorSpec spec = spec(name, null, faults);
        try {
            ProblemException.refuseIfAny(faults);
            Indicator created = measurement.addIndicator(initiativeId, spec, ShellUser.of(session));
            System.out.println("Created indicator " + created.id() + ": " + created.name());
        } catch (ProblemException e) {
            throw new CommandRefused(e);
        }
        return null;
    }
}
