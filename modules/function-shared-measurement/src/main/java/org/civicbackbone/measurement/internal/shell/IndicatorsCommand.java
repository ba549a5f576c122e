package org.civicbackbone.measurement.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.shell.InitiativeTable;
import org.civicbackbone.measurement.internal.Indicator;
import org.civicbackbone.measurement.internal.SharedMeasurement;
import org.civicbackbone.measurement.internal.SharedMeasurement.IndicatorStatus;

/** Lists an initiative's indicators and their progress. */
@Service
@Command(scope = "backbone", name = "indicators", description = "Lists an initiative's indicators and their progress")
public class IndicatorsCommand extends InitiativeTable<IndicatorStatus> {

    @Reference
    SharedMeasurement measurement;

    public IndicatorsCommand() {
        super("Id", "Name", "Unit", "Values", "Baseline", "Target", "Latest", "Value", "% of target", "Status");
    }

    @Override
    protected List<IndicatorStatus> rows() {
        return measurement.overview(initiativeId).status();
    }

    @Override
    protected Object[] cells(IndicatorStatus s) {
        return new Object[] {s.indicator().id(), s.indicator().name(), s.indicator().unit(), range(s.indicator()),
                s.indicator().baseline().toPlainString(),
                s.indicator().target().toPlainString() + " by " + s.indicator().targetDate(),
                s.progress().latestPeriod() == null ? "-" : s.progress().latestPeriod(),
                s.progress().latestValue() == null ? "-" : s.progress().latestValue().toPlainString(),
                s.progress().percentOfTarget() == null ? "-" : s.progress().percentOfTarget().toPlainString(),
                s.progress().status() + (s.progress().stale() ? " (no recent values)" : "")};
    }

    /** What a value may be: "0 to 100", "at least 0", "at most 5", or "any". */
    static String range(Indicator indicator) {
        String least = indicator.minimum() == null ? null : indicator.minimum().toPlainString();
        String most = indicator.maximum() == null ? null : indicator.maximum().toPlainString();
        if (least != null && most != null) {
            return least + " to " + most;
        }
        return least != null ? "at least " + least : most != null ? "at most " + most : "any";
    }
}
