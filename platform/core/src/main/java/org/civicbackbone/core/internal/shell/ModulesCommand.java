package org.civicbackbone.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicbackbone.api.module.ModuleManagement;
import org.civicbackbone.api.module.ModuleStatus;

/** Lists every function and structure module the platform knows, installed or not. */
@Service
@Command(scope = "backbone", name = "modules", description = "Lists the function and structure modules, installed or not")
public class ModulesCommand implements Action {

    @Reference
    ModuleManagement modules;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "Kind", "Version", "State", "Used by", "Last"}) {
            table.column(column);
        }
        for (ModuleStatus m : modules.modules()) {
            table.addRow().addContent(m.id(), m.kind(), m.version(), m.state(), String.join(", ", m.usedBy()),
                    m.message() == null ? "" : m.message());
        }
        table.print(System.out);
        return null;
    }
}
