package org.civicbackbone.resources.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.shell.InitiativeTable;
import org.civicbackbone.resources.internal.Funding.Deadline;
import org.civicbackbone.resources.internal.Resources;

/** Lists an initiative's grant reporting deadlines. */
@Service
@Command(scope = "backbone", name = "grant-deadlines", description = "Lists an initiative's grant reporting deadlines")
public class DeadlinesCommand extends InitiativeTable<Deadline> {

    @Reference
    Resources resources;

    public DeadlinesCommand() {
        super("Due", "State", "Report", "Grant", "Funder");
    }

    @Override
    protected List<Deadline> rows() {
        return resources.deadlines(initiativeId);
    }

    @Override
    protected Object[] cells(Deadline d) {
        return new Object[] {d.dueOn(), d.state(), d.description(), d.grant(), d.funder()};
    }
}
