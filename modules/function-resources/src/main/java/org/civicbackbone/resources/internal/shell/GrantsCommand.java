package org.civicbackbone.resources.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicbackbone.resources.internal.Funding.Grant;
import org.civicbackbone.resources.internal.Funding.Totals;
import org.civicbackbone.resources.internal.Resources;

/** Lists an initiative's grants and its money in and out. */
@Service
@Command(scope = "backbone", name = "grants", description = "Lists an initiative's grants and its funds received and allocated")
public class GrantsCommand implements Action {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Reference
    Resources resources;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "Funder", "Title", "Status", "Requested", "Awarded", "Received"}) {
            table.column(column);
        }
        for (Grant g : resources.grants(initiativeId)) {
            table.addRow().addContent(g.id(), g.funder(), g.title(), g.status(), g.amountRequested().toPlainString(),
                    g.amountAwarded() == null ? "-" : g.amountAwarded().toPlainString(), g.received().toPlainString());
        }
        table.print(System.out);
        Totals t = resources.overview(initiativeId).totals();
        System.out.println("Received " + t.received().toPlainString() + ", allocated " + t.allocated().toPlainString()
                + ", pending " + t.pending().toPlainString() + ", available " + t.available().toPlainString());
        return null;
    }
}
