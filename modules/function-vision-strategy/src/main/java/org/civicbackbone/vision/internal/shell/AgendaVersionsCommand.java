package org.civicbackbone.vision.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicbackbone.vision.internal.CommonAgenda.Version;
import org.civicbackbone.vision.internal.VisionStrategy;

/** Lists every version of an initiative's common agenda with where it stands. */
@Service
@Command(scope = "backbone", name = "agenda-versions", description = "Lists the versions of an initiative's common agenda")
public class AgendaVersionsCommand implements Action {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Reference
    VisionStrategy visionStrategy;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Version", "Status", "Goals", "Proposal", "Created by", "Adopted at"}) {
            table.column(column);
        }
        for (Version v : visionStrategy.versions(initiativeId)) {
            table.addRow().addContent(v.number(), v.status(), v.goals().size(),
                    v.proposalId() == null ? "-" : v.proposalId() + " " + v.proposalState(), v.createdBy(),
                    v.adoptedAt() == null ? "-" : v.adoptedAt());
        }
        table.print(System.out);
        return null;
    }
}
