package org.civicbackbone.core.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.module.ModuleManagement;
import org.civicbackbone.api.module.ModuleStatus;
import org.civicbackbone.api.shell.RecordTable;

/** Lists every function and structure module the platform knows, installed or not. */
@Service
@Command(scope = "backbone", name = "modules", description = "Lists the function and structure modules, installed or not")
public class ModulesCommand extends RecordTable<ModuleStatus> {

    @Reference
    ModuleManagement modules;

    public ModulesCommand() {
        super("Id", "Kind", "Version", "State", "Used by", "Last");
    }

    @Override
    protected List<ModuleStatus> rows() {
        return modules.modules();
    }

    @Override
    protected Object[] cells(ModuleStatus m) {
        return new Object[] {m.id(), m.kind(), m.version(), m.state(), String.join(", ", m.usedBy()),
                m.message() == null ? "" : m.message()};
    }
}
