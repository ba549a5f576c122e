package org.civicbackbone.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.civicbackbone.api.module.ModuleManagement;
import org.civicbackbone.api.module.ModuleStatus;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.shell.CommandRefused;

/**
 * Installing or uninstalling a module from the shell: started as the shell's user, then followed to its end (at most a
 * minute), the outcome printed. A refused or failed change fails the command.
 */
abstract class ModuleChange implements Action {

    @Argument(index = 0, name = "module", description = "The module id: the feature name without backbone-", required = true)
    String moduleId;

    @Reference
    ModuleManagement modules;

    @Reference
    Session session;

    /** Starts the change in the name of {@code user}. */
    abstract ModuleStatus start(String user);

    /** Whether the initiatives that use the module are named first: they lose it. */
    abstract boolean warnsUsers();

    @Override
    public Object execute() throws InterruptedException {
        Object user = session.get("USER");
        try {
            ModuleStatus status = start(user == null ? "shell" : user.toString());
            if (warnsUsers() && !status.usedBy().isEmpty()) {
                System.out.println("Used by " + String.join(", ", status.usedBy())
                        + ": they lose it until it is installed again; their data stays.");
            }
            for (int i = 0; i < 600 && status.state().endsWith("ing"); i++) {
                Thread.sleep(100);
                status = modules.module(moduleId);
            }
            String outcome = moduleId + ": " + status.state() + (status.message() == null ? "" : " (" + status.message() + ")");
            if (status.state().equals("failed")) {
                throw new CommandRefused(outcome); // a script sees the failure in the exit code
            }
            System.out.println(outcome);
            return null;
        } catch (ProblemException e) {
            throw new CommandRefused(e);
        }
    }
}
