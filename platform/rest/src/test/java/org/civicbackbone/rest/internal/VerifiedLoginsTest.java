package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.config.JaasRealm;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class VerifiedLoginsTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private long now = 1_000;
    private final VerifiedLogins logins = new VerifiedLogins(TimeUnit.SECONDS.toNanos(30), () -> now);
    private final VerifiedLogins.Verified ada = new VerifiedLogins.Verified("ada", Set.of("viewer"));

    @Test
    public void aLoginIsTrustedWithTheSamePasswordOnlyAndUntilItExpires() {
        logins.remember("ada", "secret", ada, logins.generation());
        assertEquals(ada, logins.find("ada", "secret"));
        assertNull("another password is checked by the realm", logins.find("ada", "Secret"));
        assertNull("another user is checked by the realm", logins.find("bob", "secret"));
        now += TimeUnit.SECONDS.toNanos(29);
        assertEquals(ada, logins.find("ada", "secret"));
        now += TimeUnit.SECONDS.toNanos(2);
        assertNull("expired", logins.find("ada", "secret"));
    }

    @Test
    public void forgettingDropsEveryLoginAndRefusesOnesCheckedBeforeIt() {
        logins.remember("ada", "secret", ada, logins.generation());
        long checkedIn = logins.generation();
        logins.forgetAll();
        assertNull(logins.find("ada", "secret"));
        logins.remember("ada", "secret", ada, checkedIn);
        assertNull("checked against the realm before it changed: not remembered", logins.find("ada", "secret"));
    }

    @Test
    public void aZeroTimeRemembersNothing() {
        VerifiedLogins none = new VerifiedLogins(0, () -> now);
        none.remember("ada", "secret", ada, none.generation());
        assertNull(none.find("ada", "secret"));
    }

    @Test
    public void aWriteToTheRealmsUsersFileIsNoticed() throws Exception {
        Path users = folder.newFile("users.properties").toPath();
        Files.writeString(users, "ada = secret,viewer\n");
        RealmFiles files = new RealmFiles();
        files.watch(List.of(realm("other", folder.newFile("other.properties").toPath()), realm("karaf", users)),
                "karaf");
        assertFalse(files.changed());
        Files.writeString(users, "ada = secret,viewer,admin\n");
        assertTrue(files.changed());
        assertFalse("noticed once", files.changed());
        Files.delete(users);
        assertTrue("a deleted file is a change", files.changed());
    }

    private static JaasRealm realm(String name, Path users) {
        AppConfigurationEntry entry = new AppConfigurationEntry("org.apache.karaf.jaas.boot.ProxyLoginModule",
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                Map.of("users", users.toString(), "detailed.login.exception", "false"));
        return new JaasRealm() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public int getRank() {
                return 0;
            }

            @Override
            public AppConfigurationEntry[] getEntries() {
                return new AppConfigurationEntry[] {entry};
            }
        };
    }
}
