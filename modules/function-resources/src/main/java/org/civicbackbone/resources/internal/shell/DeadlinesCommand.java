package org.civicbackbone.resources.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicbackbone.resources.internal.Funding.Deadline;
import org.civicbackbone.resources.internal.Resources;

/** Lists the reports owed to funders: overdue and due soon first. */
@Service
@Command(scope = "backbone", name = "grant-deadlines", description = "Lists an initiative's grant reporting deadlines")
public class DeadlinesCommand implements Action {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Reference
    Resources resources;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Due", "State", "Report", "Grant", "Funder"}) {
            table.column(column);
        }
        for (Deadline d : resources.deadlines(initiativeId)) {
            table.addRow().addContent(d.dueOn(), d.state(), d.description(), d.grant(), d.funder());
        }
        table.print(System.out);
        return null;
    }
}
