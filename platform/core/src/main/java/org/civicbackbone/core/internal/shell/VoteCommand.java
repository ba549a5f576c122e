package org.civicbackbone.core.internal.shell;

import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.VoteChoice;
import org.civicbackbone.api.decision.VoteSpec;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.shell.CommandRefused;

/** Casts the logged-in member's vote on a proposal. */
@Service
@Command(scope = "backbone", name = "vote", description = "Votes on a proposal as the logged-in member")
public class VoteCommand implements Action {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Argument(index = 1, name = "proposal", description = "The proposal id", required = true)
    long proposalId;

    @Argument(index = 2, name = "choice", description = "approve, object, block or abstain", required = true)
    String choice;

    @Argument(index = 3, name = "reason", description = "Why (kept on record)", required = true, multiValued = true)
    List<String> reason;

    @Reference
    DecisionService decisions;

    @Reference
    Session session;

    @Override
    public Object execute() {
        VoteChoice vote;
        try {
            vote = VoteChoice.valueOf(choice.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandRefused("choice must be approve, object, block or abstain, not " + choice);
        }
        Object user = session.get("USER");
        try {
            Proposal p = decisions.vote(initiativeId, proposalId, new VoteSpec(vote, String.join(" ", reason)),
                    user == null ? "shell" : user.toString());
            System.out.println("Vote recorded. Proposal " + p.id() + " is " + p.state());
        } catch (ProblemException e) {
            throw new CommandRefused(e);
        }
        return null;
    }
}
