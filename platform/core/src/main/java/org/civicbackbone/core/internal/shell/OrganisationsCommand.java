package org.civicbackbone.core.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.shell.InitiativeTable;

/** Lists an initiative's organisation registry: the ids that {@code backbone:organisation-merge} takes. */
@Service
@Command(scope = "backbone", name = "organisations", description = "Lists an initiative's organisations, with aliases and sectors")
public class OrganisationsCommand extends InitiativeTable<Organisation> {

    @Reference
    OrganisationRegistry organisations;

    public OrganisationsCommand() {
        super("Id", "Name", "Aliases", "Sectors");
    }

    @Override
    protected List<Organisation> rows() {
        return organisations.organisations(initiativeId);
    }

    @Override
    protected Object[] cells(Organisation o) {
        return new Object[] {o.id(), o.name(), String.join(", ", o.aliases()),
                String.join(", ", o.sectors().stream().map(Enum::name).toList())};
    }
}
