package org.civicbackbone.core.internal;

import java.util.List;
import java.util.function.Supplier;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;

/**
 * New logins written to the realm so that they stay written. Karaf rewrites {@code etc/users.properties} on its own:
 * a watcher thread encrypts plain passwords (all of them at start, and after any edit that leaves one) and saves the
 * copy it read, and every engine saves the copy it loaded. A login written between such a read and its save is
 * lost, or keeps its password and loses a role. So each login is written, looked at again after a pause through a
 * fresh engine, and written again until it holds; every step only adds what is missing.
 */
final class RealmWrites {

    private static final int ROUNDS = 8;
    private static final long PAUSE_MILLIS = 250;

    private RealmWrites() {
    }

    /**
     * Creates the logins (each with this password and these roles), or completes them; a 503 problem if the realm
     * would not keep them.
     */
    static void ensure(Supplier<BackingEngine> engines, List<String> logins, String password, List<String> roles) {
        for (int round = 0; round < ROUNDS; round++) {
            BackingEngine engine = engines.get();
            for (String login : logins) {
                if (engine.lookupUser(login) == null) {
                    engine.addUser(login, password);
                }
                for (String role : roles) {
                    if (!holds(engine, login, role)) {
                        engine.addRole(login, role);
                    }
                }
            }
            pause();
            BackingEngine fresh = engines.get();
            if (logins.stream().allMatch(login -> fresh.lookupUser(login) != null
                    && roles.stream().allMatch(role -> holds(fresh, login, role)))) {
                return;
            }
        }
        throw new ProblemException(new Problem("urn:civicbackbone:problem:realm-busy", "Realm busy", 503,
                "The logins " + logins + " were written but the realm's file kept being rewritten under them; try "
                + "again.", List.of()));
    }

    private static boolean holds(BackingEngine engine, String login, String role) {
        UserPrincipal user = engine.lookupUser(login);
        return user != null && engine.listRoles(user).stream().map(RolePrincipal::getName).anyMatch(role::equals);
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(new Problem("urn:civicbackbone:problem:interrupted", "Interrupted", 503,
                    "Writing the login was interrupted; try again.", List.of()));
        }
    }
}
