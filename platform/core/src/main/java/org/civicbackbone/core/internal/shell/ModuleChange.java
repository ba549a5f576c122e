package org.civicbackbone.core.internal.shell;

import java.util.function.BiFunction;
import org.apache.karaf.shell.api.console.Session;
import org.civicbackbone.api.module.ModuleManagement;
import org.civicbackbone.api.module.ModuleStatus;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.shell.CommandRefused;

/** Installing or uninstalling a module from the shell: started as the shell's user, then followed to its end. */
final class ModuleChange {

    private ModuleChange() {
    }

    /**
     * Starts the change, waits until it is done (at most a minute) and prints the outcome; with {@code warnUsers},
     * first names the initiatives that use the module. A refused or failed change fails the command.
     */
    static void run(ModuleManagement modules, Session session, String moduleId, boolean warnUsers,
                    BiFunction<String, String, ModuleStatus> change) throws InterruptedException {
        Object user = session.get("USER");
        try {
            ModuleStatus status = change.apply(moduleId, user == null ? "shell" : user.toString());
            if (warnUsers && !status.usedBy().isEmpty()) {
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
        } catch (ProblemException e) {
            throw new CommandRefused(e);
        }
    }
}
