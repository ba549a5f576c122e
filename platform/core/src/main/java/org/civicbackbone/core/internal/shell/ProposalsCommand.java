package org.civicbackbone.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;

/** Lists an initiative's proposals and where each stands in its approval chain. */
@Service
@Command(scope = "backbone", name = "proposals", description = "Lists an initiative's proposals and where each stands")
public class ProposalsCommand implements Action {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Reference
    DecisionService decisions;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "Type", "Title", "Proposed by", "State", "Chain"}) {
            table.column(column);
        }
        for (Proposal p : decisions.proposals(initiativeId)) {
            StringBuilder chain = new StringBuilder();
            for (Proposal.Step s : p.steps()) {
                chain.append(chain.length() == 0 ? "" : " > ").append(s.bodyType()).append(' ')
                        .append(s.rule()).append(' ').append(s.state());
            }
            table.addRow().addContent(p.id(), p.type(), p.title(), p.proposedBy(), p.state(), chain.toString());
        }
        table.print(System.out);
        return null;
    }
}
