package org.civicbackbone.engagement.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.shell.InitiativeTable;
import org.civicbackbone.engagement.internal.CommunityEngagement;
import org.civicbackbone.engagement.internal.Engagement.Communication;

/** Lists an initiative's communications and who may speak for it. */
@Service
@Command(scope = "backbone", name = "communications",
        description = "Lists an initiative's communications and its authorised spokespeople")
public class CommunicationsCommand extends InitiativeTable<Communication> {

    @Reference
    CommunityEngagement engagement;

    public CommunicationsCommand() {
        super("Id", "Kind", "Title", "Status", "Spokesperson", "Published");
    }

    @Override
    protected List<Communication> rows() {
        return engagement.communications(initiativeId);
    }

    @Override
    protected Object[] cells(Communication m) {
        return new Object[] {m.id(), m.kind(), m.title(), m.status(), m.spokesperson() == null ? "-" : m.spokesperson(),
                m.publishedAt() == null ? "-" : m.publishedAt()};
    }

    @Override
    protected String footer() {
        return "May speak for the initiative: "
                + String.join(", ", engagement.overview(initiativeId).spokespeople());
    }
}
