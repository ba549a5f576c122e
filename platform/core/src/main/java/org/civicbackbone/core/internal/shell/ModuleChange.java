package org.civicbackbone.core.internal.shell;

import java.util.function.BiFunction;
import org.apache.karaf.shell.api.console.Session;
import org.civicbackbone.api.module.ModuleManagement;
import org.civicbackbone.api.module.ModuleStatus;
import org.civicbackbone.api.problem.ProblemException;

/** Installing or uninstalling a module from the shell: started as the shell's user, then followed to its end. */
final class ModuleChange {

    private ModuleChange() {
    }

    /**
     * Starts the change, waits until it is done (at most a minute) and prints the outcome; with {@code warnUsers},
     * first names the initiatives that use the module.
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
            System.out.println(moduleId + ": " + status.state() + (status.message() == null ? "" : " (" + status.message() + ")"));
        } catch (ProblemException e) {
            System.err.println(e.problem().title() + ": " + e.problem().detail());
        }
    }
}
