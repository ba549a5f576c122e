package org.civicbackbone.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.civicbackbone.api.module.ModuleManagement;

/** Installs a module and waits until it is done (at most a minute), printing the outcome. */
@Service
@Command(scope = "backbone", name = "module-install", description = "Installs a function or structure module (e.g. function-shared-measurement)")
public class ModuleInstallCommand implements Action {

    @Argument(index = 0, name = "module", description = "The module id: the feature name without backbone-", required = true)
    String moduleId;

    @Reference
    ModuleManagement modules;

    @Reference
    Session session;

    @Override
    public Object execute() throws InterruptedException {
        ModuleChange.run(modules, session, moduleId, false, modules::install);
        return null;
    }
}
