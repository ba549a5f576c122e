package org.civicbackbone.engagement.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicbackbone.engagement.internal.CommunityEngagement;
import org.civicbackbone.engagement.internal.Engagement.Event;

/** Lists an initiative's engagement events with participation. */
@Service
@Command(scope = "backbone", name = "engagement-events", description = "Lists an initiative's engagement events")
public class EngagementEventsCommand implements Action {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Reference
    CommunityEngagement engagement;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Held on", "Title", "Participants", "Community members reached", "By sector"}) {
            table.column(column);
        }
        for (Event e : engagement.events(initiativeId)) {
            table.addRow().addContent(e.heldOn(), e.title(), e.participants(), e.communityMembersReached(),
                    String.join(", ", e.participation().stream().map(p -> p.sector() + " " + p.count()).toList()));
        }
        table.print(System.out);
        return null;
    }
}
