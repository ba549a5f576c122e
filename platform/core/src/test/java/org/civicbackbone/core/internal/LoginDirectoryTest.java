package org.civicbackbone.core.internal;

import static org.junit.Assert.assertEquals;

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
}
