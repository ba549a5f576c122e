package org.civicbackbone.engagement.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.shell.InitiativeTable;
import org.civicbackbone.engagement.internal.CommunityEngagement;
import org.civicbackbone.engagement.internal.Engagement.Event;

/** Lists an initiative's engagement events with participation. */
@Service
@Command(scope = "backbone", name = "engagement-events", description = "Lists an initiative's engagement events")
public class EngagementEventsCommand extends InitiativeTable<Event> {

    @Reference
    CommunityEngagement engagement;

    public EngagementEventsCommand() {
        super("Held on", "Title", "Participants", "Community members reached", "By sector");
    }

    @Override
    protected List<Event> rows() {
        return engagement.events(initiativeId);
    }

    @Override
    protected Object[] cells(Event e) {
        return new Object[] {e.heldOn(), e.title(), e.participants(), e.communityMembersReached(),
                String.join(", ", e.participation().stream().map(p -> p.sector() + " " + p.count()).toList())};
    }
}
