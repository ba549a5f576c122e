package org.civicbackbone.resources.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.shell.InitiativeTable;
import org.civicbackbone.resources.internal.Funding.Grant;
import org.civicbackbone.resources.internal.Funding.Totals;
import org.civicbackbone.resources.internal.Resources;

/** Lists an initiative's grants and its money in and out. */
@Service
@Command(scope = "backbone", name = "grants", description = "Lists an initiative's grants and its funds received and allocated")
public class GrantsCommand extends InitiativeTable<Grant> {

    @Reference
    Resources resources;

    public GrantsCommand() {
        super("Id", "Funder", "Title", "Status", "Requested", "Awarded", "Received");
    }

    @Override
    protected List<Grant> rows() {
        return resources.grants(initiativeId);
    }

    @Override
    protected Object[] cells(Grant g) {
        return new Object[] {g.id(), g.funder(), g.title(), g.status(), g.amountRequested().toPlainString(),
                g.amountAwarded() == null ? "-" : g.amountAwarded().toPlainString(), g.received().toPlainString()};
    }

    @Override
    protected String footer() {
        Totals t = resources.overview(initiativeId).totals();
        return "Received " + t.received().toPlainString() + ", allocated " + t.allocated().toPlainString()
                + ", pending " + t.pending().toPlainString() + ", available " + t.available().toPlainString();
    }
}
