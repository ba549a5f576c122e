package org.civicbackbone.core.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.module.ModuleStatus;

/** Installs a module and waits until it is done (at most a minute), printing the outcome. */
@Service
@Command(scope = "backbone", name = "module-install", description = "Installs a function or structure module (e.g. function-shared-measurement)")
public class ModuleInstallCommand extends ModuleChange {

    @Override
    ModuleStatus start(String user) {
        return modules.install(moduleId, user);
    }

    @Override
    boolean warnsUsers() {
        return false;
    }
}
