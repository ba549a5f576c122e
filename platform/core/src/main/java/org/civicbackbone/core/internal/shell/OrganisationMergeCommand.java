package org.civicbackbone.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.shell.CommandRefused;

/**
 * Merges a duplicate organisation record into the one it is, as the REST API's merge does (ADR 0025), audited as the
 * logged-in shell user. A refusal changes nothing and fails the command with its reason.
 */
@Service
@Command(scope = "backbone", name = "organisation-merge",
        description = "Merges a duplicate organisation record into the one it is; everything pointing to it follows")
public class OrganisationMergeCommand implements Action {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Argument(index = 1, name = "duplicate", description = "The id of the record merged away (backbone:organisations)",
            required = true)
    long duplicateId;

    @Argument(index = 2, name = "into", description = "The id of the record kept", required = true)
    long keptId;

    @Reference
    OrganisationRegistry organisations;

    @Reference
    Session session;

    @Override
    public Object execute() {
        Object user = session.get("USER");
        try {
            Organisation kept = organisations.merge(initiativeId, duplicateId, keptId,
                    user == null ? "shell" : user.toString());
            System.out.println("Merged " + duplicateId + " into " + kept.id() + " '" + kept.name() + "'; its names now: "
                    + String.join(", ", kept.aliases()));
        } catch (ProblemException e) {
            throw new CommandRefused(e);
        }
        return null;
    }
}
