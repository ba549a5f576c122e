package org.civicbackbone.core.internal;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.civicbackbone.api.audit.AuditQuery;
import org.civicbackbone.api.login.LoginSpec;
import org.civicbackbone.core.internal.governance.RealmLogins;
import org.civicbackbone.store.internal.JdbcBackboneStore;
import org.civicbackbone.store.internal.MemoryStore;
import org.junit.Test;

/** The platform's logins on a real store. */
public class LoginDirectoryTest {

    private final JdbcBackboneStore store = MemoryStore.fresh();
    private final JdbcAuditLog audit = new JdbcAuditLog(store);
    private final RealmLoginDirectory directory = new RealmLoginDirectory(store, audit,
            RealmLogins.storing(store, password -> "{hashed}" + password), new JdbcPersonRegistry(store, audit));

    /**
     * Eight logins of one name asked for at one moment: one login, and each other request refused with 409 (before
     * the directory took turns, one could fail on the logins' key with 500).
     */
    @Test
    public void oneNameAskedForAtOneMomentMakesOneLoginAndConflictsForTheRest() throws Exception {
        for (int round = 0; round < 10; round++) {
            String name = "race-login-" + round;
            assertEquals(name, AtOneMoment.oneCreatedTheRestConflicting(8), AtOneMoment.answers(8,
                    () -> directory.create(new LoginSpec(name, "a long password", false), "admin")));
            assertEquals(1, directory.logins().stream().filter(l -> l.name().equals(name)).count());
        }
    }

    /**
     * A role given, or a login removed, by eight requests at once is done once: found over HTTP on PostgreSQL, where
     * three of sixteen answered 500 on the roles' key, and four removals each answered 204 with an entry of their own.
     */
    @Test
    public void aRoleGivenOrALoginRemovedEightTimesAtOnceIsDoneOnce() throws Exception {
        directory.create(new LoginSpec("pat", "a long password", false), "admin");
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201), AtOneMoment.answers(8,
                () -> directory.setPlatformAdmin("pat", true, "admin")));
        assertEquals(1, audited("login.roles"));
        directory.create(new LoginSpec("sam", "a long password", false), "admin");
        List<Integer> removed = new ArrayList<>(List.of(201));
        removed.addAll(Collections.nCopies(7, 404));
        assertEquals(removed, AtOneMoment.answers(8, () -> directory.remove("sam", "admin")));
        assertEquals(1, audited("login.delete"));
    }

    private long audited(String action) {
        return audit.find(new AuditQuery(null, null, null, null, null, null, null, 100)).stream()
                .filter(e -> e.action().equals(action)).count();
    }
}
