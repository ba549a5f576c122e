package org.civicbackbone.activities.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicbackbone.activities.internal.AlignedActivities;
import org.civicbackbone.activities.internal.JointPlan.Activity;

/** Lists the joint plan of action. */
@Service
@Command(scope = "backbone", name = "activities", description = "Lists an initiative's joint plan of action")
public class ActivitiesCommand implements Action {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Reference
    AlignedActivities plan;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "Title", "Owner", "Goals", "Start", "End", "Status"}) {
            table.column(column);
        }
        for (Activity a : plan.activities(initiativeId)) {
            table.addRow().addContent(a.id(), a.title(), a.ownerOrganisation(), a.goalNumbers(), a.startOn(),
                    a.endOn() == null ? "-" : a.endOn(), a.status());
        }
        table.print(System.out);
        return null;
    }
}
