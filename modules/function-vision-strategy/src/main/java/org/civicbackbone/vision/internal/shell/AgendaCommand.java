package org.civicbackbone.vision.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.shell.CommandRefused;
import org.civicbackbone.vision.internal.CommonAgenda.Goal;
import org.civicbackbone.vision.internal.CommonAgenda.Version;
import org.civicbackbone.vision.internal.VisionStrategy;

/** Shows the common agenda in force (or a given version) with its goals and strategies. */
@Service
@Command(scope = "backbone", name = "agenda", description = "Shows an initiative's common agenda: the adopted version, or the one named")
public class AgendaCommand implements Action {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Argument(index = 1, name = "version", description = "A version number (default: the adopted one)")
    Integer version;

    @Reference
    VisionStrategy visionStrategy;

    @Override
    public Object execute() {
        Version v;
        try {
            v = version == null ? visionStrategy.agenda(initiativeId) : visionStrategy.version(initiativeId, version);
        } catch (ProblemException e) {
            throw new CommandRefused(e);
        }
        System.out.println("Version " + v.number() + " (" + v.status() + ")");
        System.out.println("Problem: " + v.problemStatement());
        System.out.println("Vision:  " + v.vision());
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Goal", "Title", "Indicators", "Strategies"}) {
            table.column(column);
        }
        for (Goal g : v.goals()) {
            table.addRow().addContent(g.number(), g.title(), g.indicatorIds(),
                    String.join("; ", g.strategies().stream().map(s -> s.title()).toList()));
        }
        table.print(System.out);
        return null;
    }
}
