package org.civicbackbone.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicbackbone.api.module.ModuleCatalogue;
import org.civicbackbone.api.module.ModuleInfo;

/** Lists the function and structure modules installed right now. */
@Service
@Command(scope = "backbone", name = "modules", description = "Lists the installed function and structure modules")
public class ModulesCommand implements Action {

    @Reference
    ModuleCatalogue catalogue;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Kind");
        table.column("Name");
        table.column("Version");
        table.column("State");
        for (ModuleInfo m : catalogue.installed()) {
            table.addRow().addContent(m.id(), m.kind(), m.name(), m.version(), m.state());
        }
        table.print(System.out);
        return null;
    }
}
