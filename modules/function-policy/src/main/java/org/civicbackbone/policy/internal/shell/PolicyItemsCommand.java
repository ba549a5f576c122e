package org.civicbackbone.policy.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.shell.InitiativeTable;
import org.civicbackbone.policy.internal.Policy;
import org.civicbackbone.policy.internal.PolicyAgenda.Item;
import org.civicbackbone.policy.internal.PolicyAgenda.StanceKind;

/** Lists an initiative's policy agenda with where each item stands and the partners' stances. */
@Service
@Command(scope = "backbone", name = "policy-items", description = "Lists an initiative's policy agenda")
public class PolicyItemsCommand extends InitiativeTable<Item> {

    @Reference
    Policy policy;

    public PolicyItemsCommand() {
        super("Id", "Title", "Target", "Status", "Endorse", "Neutral", "Dissent");
    }

    @Override
    protected List<Item> rows() {
        return policy.items(initiativeId);
    }

    @Override
    protected Object[] cells(Item i) {
        return new Object[] {i.id(), i.title(), i.target(), i.status(), i.stances().get(StanceKind.ENDORSE),
                i.stances().get(StanceKind.NEUTRAL), i.stances().get(StanceKind.DISSENT)};
    }
}
