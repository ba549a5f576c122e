package org.civicbackbone.core.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.Vote;

/** Prints an initiative's decision log: every proposal, every vote and reason, and the outcome. */
@Service
@Command(scope = "backbone", name = "decision-log", description = "Prints the decision log: proposals, votes with reasons, outcomes")
public class DecisionLogCommand implements Action {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Reference
    DecisionService decisions;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Proposal", "Type", "Outcome", "Step", "Voter", "Organisation", "Choice", "Reason"}) {
            table.column(column);
        }
        var votesByProposal = decisions.votesByProposal(initiativeId); // one read for the whole log
        for (Proposal p : decisions.proposals(initiativeId)) {
            var votes = votesByProposal.getOrDefault(p.id(), List.<Vote>of());
            if (votes.isEmpty()) {
                table.addRow().addContent(p.id() + " " + p.title(), p.type(), p.state(), "", "", "", "", "");
            }
            for (Vote v : votes) {
                table.addRow().addContent(p.id() + " " + p.title(), p.type(), p.state(), v.stepIndex() + 1, v.voter(),
                        v.organisation(), v.choice(), v.reason());
            }
        }
        table.print(System.out);
        return null;
    }
}
