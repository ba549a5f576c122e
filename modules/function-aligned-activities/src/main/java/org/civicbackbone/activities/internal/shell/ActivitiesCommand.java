package org.civicbackbone.activities.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.activities.internal.AlignedActivities;
import org.civicbackbone.activities.internal.JointPlan.Activity;
import org.civicbackbone.api.shell.InitiativeTable;

/** Lists the joint plan of action. */
@Service
@Command(scope = "backbone", name = "activities", description = "Lists an initiative's joint plan of action")
public class ActivitiesCommand extends InitiativeTable<Activity> {

    @Reference
    AlignedActivities plan;

    public ActivitiesCommand() {
        super("Id", "Title", "Owner", "Goals", "Start", "End", "Status");
    }

    @Override
    protected List<Activity> rows() {
        return plan.activities(initiativeId);
    }

    @Override
    protected Object[] cells(Activity a) {
        return new Object[] {a.id(), a.title(), a.ownerOrganisation(), a.goalNumbers(), a.startOn(),
                a.endOn() == null ? "-" : a.endOn(), a.status()};
    }
}
