package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.config.JaasRealm;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A realm's users file, written as Karaf's engine writes it: which logins' entries changed. */
public class RealmFilesTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void aLoginsFingerprintChangesWithItsPasswordRolesAndGroupsOnly() throws IOException {
        Path users = folder.newFile("users.properties").toPath();
        write(users, 1, "admin = {CRYPT}aa{CRYPT},_g_:admingroup", "alice = {CRYPT}bb{CRYPT},viewer",
                "_g_\\:admingroup = group,admin,viewer");
        RealmFiles files = new RealmFiles();
        files.watch(List.of(realm("karaf", users)), "karaf");
        String admin = files.fingerprint("admin");
        String alice = files.fingerprint("alice");
        assertNotNull(admin);
        assertNotNull(alice);
        assertNull(files.fingerprint("_g_:admingroup"));
        assertNull(files.fingerprint("mallory"));
        assertFalse(files.changed());

        write(users, 2, "admin = {CRYPT}aa{CRYPT},_g_:admingroup", "alice = {CRYPT}cc{CRYPT},viewer",
                "_g_\\:admingroup = group,admin,viewer");
        assertTrue(files.changed());
        assertEquals(admin, files.fingerprint("admin"));
        assertNotEquals(alice, files.fingerprint("alice"));

        write(users, 3, "admin = {CRYPT}aa{CRYPT},_g_:admingroup", "alice = {CRYPT}cc{CRYPT},viewer",
                "_g_\\:admingroup = group,viewer");
        assertTrue(files.changed());
        assertNotEquals("the admin group lost a role", admin, files.fingerprint("admin"));

        Files.delete(users);
        assertTrue(files.changed());
        assertNull(files.fingerprint("alice"));
    }

    @Test
    public void aRealmOfAnotherNameIsNotWatched() throws IOException {
        Path users = folder.newFile("other.properties").toPath();
        write(users, 1, "alice = x,viewer");
        RealmFiles files = new RealmFiles();
        files.watch(List.of(realm("other", users)), "karaf");
        assertNull(files.fingerprint("alice"));
    }

    private static void write(Path file, int second, String... lines) throws IOException {
        Files.write(file, List.of(lines));
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + second * 1000L));
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
