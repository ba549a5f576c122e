package org.civicbackbone.store.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.DatabaseBackups;
import org.civicbackbone.api.store.SchemaMigration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The backups as platform admins reach them (the REST API and the console): a backup taken now and listed, opened by
 * its name only, and a folder that is a file refused as a problem; on an H2 file database as the distribution opens it.
 */
public class EmbeddedDatabaseBackupsTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private EmbeddedDatabaseBackups backups(Path data) throws Exception {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:async:" + data.resolve("backbone/backbone") + ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1");
        JdbcBackboneStore store = new JdbcBackboneStore(source);
        store.migrate("notes", List.of(new SchemaMigration(1, "notes", "CREATE TABLE bk_note (id INT PRIMARY KEY)")));
        return new EmbeddedDatabaseBackups(store, into -> new StoreBackup(store, Clock.systemUTC(), url -> {
            JdbcDataSource opened = new JdbcDataSource();
            opened.setURL(url);
            return opened;
        }).into(into), new BackupFolder(data.resolve("backups")));
    }

    @Test
    public void aBackupTakenNowIsListedAndOpensByItsNameOnly() throws Exception {
        Path data = folder.newFolder("data").toPath();
        EmbeddedDatabaseBackups backups = backups(data);
        DatabaseBackups.Overview empty = backups.overview();
        assertTrue(empty.available());
        assertEquals(data.resolve("backups").toString(), empty.folder());
        assertEquals(List.of(), empty.backups());
        assertNull("nothing scheduled", empty.nextDue());

        DatabaseBackups.Taken taken = backups.takeNow();
        assertTrue(taken.backup().name(), taken.backup().name().matches("backbone-[0-9]{8}-[0-9]{6}\\.zip"));
        assertTrue(taken.rows() >= 1 && taken.tables() == 2);
        assertEquals(List.of(taken.backup()), backups.overview().backups());
        try (InputStream zip = backups.open(taken.backup().name())) {
            assertArrayEquals(Files.readAllBytes(data.resolve("backups").resolve(taken.backup().name())),
                    zip.readAllBytes());
        }
        Files.writeString(data.resolve("backups/notes.txt"), "an operator's own file");
        for (String notABackup : List.of("notes.txt", "../backbone/backbone.mv.db", "backbone-19990101-000000.zip")) {
            ProblemException refused = assertThrows(ProblemException.class, () -> backups.open(notABackup));
            assertEquals(notABackup, 404, refused.problem().status());
        }

        Files.delete(data.resolve("backups/notes.txt"));
        try (var left = Files.list(data.resolve("backups"))) {
            for (Path f : left.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(data.resolve("backups"));
        Files.writeString(data.resolve("backups"), "a file where the folder should be");
        ProblemException refused = assertThrows(ProblemException.class, backups::takeNow);
        assertEquals(409, refused.problem().status());
        assertTrue(refused.getMessage(), refused.getMessage().contains("is a file, not a folder"));
    }
}
