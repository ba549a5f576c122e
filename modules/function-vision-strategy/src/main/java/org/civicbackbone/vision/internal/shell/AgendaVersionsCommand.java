package org.civicbackbone.vision.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.shell.InitiativeTable;
import org.civicbackbone.vision.internal.CommonAgenda.Version;
import org.civicbackbone.vision.internal.VisionStrategy;

/** Lists every version of an initiative's common agenda with where it stands. */
@Service
@Command(scope = "backbone", name = "agenda-versions", description = "Lists the versions of an initiative's common agenda")
public class AgendaVersionsCommand extends InitiativeTable<Version> {

    @Reference
    VisionStrategy visionStrategy;

    public AgendaVersionsCommand() {
        super("Version", "Status", "Goals", "Proposal", "Created by", "Adopted at");
    }

    @Override
    protected List<Version> rows() {
        return visionStrategy.versions(initiativeId);
    }

    @Override
    protected Object[] cells(Version v) {
        return new Object[] {v.number(), v.status(), v.goals().size(),
                v.proposalId() == null ? "-" : v.proposalId() + " " + v.proposalState(), v.createdBy(),
                v.adoptedAt() == null ? "-" : v.adoptedAt()};
    }
}
