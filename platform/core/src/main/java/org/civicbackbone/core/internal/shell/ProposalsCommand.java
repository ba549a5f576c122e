package org.civicbackbone.core.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.shell.InitiativeTable;

/** Lists an initiative's proposals and where each stands, with its chain of approval steps. */
@Service
@Command(scope = "backbone", name = "proposals", description = "Lists an initiative's proposals and where each stands")
public class ProposalsCommand extends InitiativeTable<Proposal> {

    @Reference
    DecisionService decisions;

    public ProposalsCommand() {
        super("Id", "Type", "Title", "Proposed by", "State", "Chain");
    }

    @Override
    protected List<Proposal> rows() {
        return decisions.proposals(initiativeId);
    }

    @Override
    protected Object[] cells(Proposal p) {
        return new Object[] {p.id(), p.type(), p.title(), p.proposedBy(), p.state(), String.join(" > ", p.steps().stream()
                .map(s -> s.bodyType() + " " + s.rule() + " " + s.state()).toList())};
    }
}
