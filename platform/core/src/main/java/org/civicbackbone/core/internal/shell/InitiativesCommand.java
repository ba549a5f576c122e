package org.civicbackbone.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.InitiativeService;

/** Lists the initiatives on this platform. */
@Service
@Command(scope = "backbone", name = "initiatives", description = "Lists the initiatives on this platform")
public class InitiativesCommand implements Action {

    @Reference
    InitiativeService initiatives;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Model");
        table.column("Functions");
        for (Initiative i : initiatives.list()) {
            table.addRow().addContent(i.id(), i.name(), i.structureModelId(), String.join(", ", i.enabledFunctionIds()));
        }
        table.print(System.out);
        return null;
    }
}
