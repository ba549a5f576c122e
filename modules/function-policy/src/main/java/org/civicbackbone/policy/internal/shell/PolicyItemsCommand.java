package org.civicbackbone.policy.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicbackbone.policy.internal.Policy;
import org.civicbackbone.policy.internal.PolicyAgenda.Item;
import org.civicbackbone.policy.internal.PolicyAgenda.StanceKind;

/** Lists an initiative's policy agenda with where each item stands and the partners' stances. */
@Service
@Command(scope = "backbone", name = "policy-items", description = "Lists an initiative's policy agenda")
public class PolicyItemsCommand implements Action {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Reference
    Policy policy;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "Title", "Target", "Status", "Endorse", "Neutral", "Dissent"}) {
            table.column(column);
        }
        for (Item i : policy.items(initiativeId)) {
            table.addRow().addContent(i.id(), i.title(), i.target(), i.status(), i.stances().get(StanceKind.ENDORSE),
                    i.stances().get(StanceKind.NEUTRAL), i.stances().get(StanceKind.DISSENT));
        }
        table.print(System.out);
        return null;
    }
}
