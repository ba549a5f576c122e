package org.civicbackbone.engagement.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicbackbone.engagement.internal.CommunityEngagement;
import org.civicbackbone.engagement.internal.Engagement.Communication;

/** Lists an initiative's communications and who may speak for it. */
@Service
@Command(scope = "backbone", name = "communications", description = "Lists an initiative's communications and its authorised spokespeople")
public class CommunicationsCommand implements Action {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Reference
    CommunityEngagement engagement;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "Kind", "Title", "Status", "Spokesperson", "Published"}) {
            table.column(column);
        }
        for (Communication m : engagement.communications(initiativeId)) {
            table.addRow().addContent(m.id(), m.kind(), m.title(), m.status(),
                    m.spokesperson() == null ? "-" : m.spokesperson(), m.publishedAt() == null ? "-" : m.publishedAt());
        }
        table.print(System.out);
        System.out.println("May speak for the initiative: " + String.join(", ", engagement.overview(initiativeId).spokespeople()));
        return null;
    }
}
