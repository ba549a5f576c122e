package org.civicbackbone.measurement.internal.shell;

import org.apache.karaf.shell.api.console.Session;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;

/** Who is at the shell, for the audit log, and how a refused command is shown. */
final class ShellUser {

    private ShellUser() {
    }

    static String of(Session session) {
        Object user = session == null ? null : session.get("USER");
        return user == null ? "shell" : user.toString();
    }

    static void print(ProblemException e) {
        System.err.println(e.problem().title() + ": " + e.problem().detail());
        for (Violation v : e.problem().violations()) {
            System.err.println("  " + v.field() + ": " + v.message());
        }
    }
}
