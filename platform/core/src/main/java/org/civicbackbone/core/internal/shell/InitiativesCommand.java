package org.civicbackbone.core.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.shell.RecordTable;

/** Lists the initiatives on this platform. */
@Service
@Command(scope = "backbone", name = "initiatives", description = "Lists the initiatives on this platform")
public class InitiativesCommand extends RecordTable<Initiative> {

    @Reference
    InitiativeService initiatives;

    public InitiativesCommand() {
        super("Id", "Name", "Model", "Functions");
    }

    @Override
    protected List<Initiative> rows() {
        return initiatives.list();
    }

    @Override
    protected Object[] cells(Initiative i) {
        return new Object[] {i.id(), i.name(), i.structureModelId(), String.join(", ", i.enabledFunctionIds())};
    }
}
