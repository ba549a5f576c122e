package org.civicbackbone.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.civicbackbone.api.module.ModuleManagement;
import org.civicbackbone.api.module.ModuleStatus;
import org.civicbackbone.api.problem.ProblemException;

/** Uninstalls a module and waits until it is done (at most a minute), printing the outcome. */
@Service
@Command(scope = "backbone", name = "module-uninstall", description = "Uninstalls a function or structure module (e.g. function-shared-measurement)")
public class ModuleUninstallCommand implements Action {

    @Argument(index = 0, name = "module", description = "The module id: the feature name without backbone-", required = true)
    String moduleId;

    @Reference
    ModuleManagement modules;

    @Reference
    Session session;

    @Override
    public Object execute() throws InterruptedException {
        Object user = session.get("USER");
        try {
            ModuleStatus status = modules.uninstall(moduleId, user == null ? "shell" : user.toString());
            if (!status.usedBy().isEmpty() && "uninstall".equals("uninstall")) {
                System.out.println("Used by " + String.join(", ", status.usedBy())
                        + ": they lose it until it is installed again; their data stays.");
            }
            for (int i = 0; i < 600 && status.state().endsWith("ing"); i++) {
                Thread.sleep(100);
                status = modules.module(moduleId);
            }
            System.out.println(moduleId + ": " + status.state() + (status.message() == null ? "" : " (" + status.message() + ")"));
        } catch (ProblemException e) {
            System.err.println(e.problem().title() + ": " + e.problem().detail());
        }
        return null;
    }
}
