package org.civicbackbone.measurement.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicbackbone.measurement.internal.SharedMeasurement;

/** Lists an initiative's indicators with their progress. */
@Service
@Command(scope = "backbone", name = "indicators", description = "Lists an initiative's indicators and their progress")
public class IndicatorsCommand implements Action {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Reference
    SharedMeasurement measurement;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "Name", "Unit", "Baseline", "Target", "Latest", "Value", "% of target", "Status"}) {
            table.column(column);
        }
        for (SharedMeasurement.IndicatorStatus s : measurement.overview(initiativeId).status()) {
            var i = s.indicator();
            var p = s.progress();
            table.addRow().addContent(i.id(), i.name(), i.unit(), i.baseline().toPlainString(),
                    i.target().toPlainString() + " by " + i.targetDate(), p.latestPeriod() == null ? "-" : p.latestPeriod(),
                    p.latestValue() == null ? "-" : p.latestValue().toPlainString(),
                    p.percentOfTarget() == null ? "-" : p.percentOfTarget().toPlainString(),
                    p.status() + (p.stale() ? " (no recent values)" : ""));
        }
        table.print(System.out);
        return null;
    }
}
