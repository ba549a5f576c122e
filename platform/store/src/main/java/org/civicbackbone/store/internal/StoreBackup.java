package org.civicbackbone.store.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;

/**
 * A backup of the embedded H2 database taken while the platform serves (ADR 0033): H2's {@code BACKUP TO} writes a
 * zip of the database file as one transaction sees it, so the copy holds every write committed before it began and
 * none after. The zip is written under a {@code .part} name and renamed when whole, so a crash or a full disk never
 * leaves a file that looks like a backup; then it is unpacked beside itself, opened as a read-only database and its
 * rows counted, so a backup that would not restore is found now, not on the day it is needed. PostgreSQL is backed
 * up with its own tools ({@code pg_dump}); this refuses it.
 */
final class StoreBackup {

    /** The database's name inside the zip: the distribution's URL ends in {@code .../backbone/backbone}. */
    static final String DATABASE = "backbone";

    /** A backup holds every login's password hash and every partner's data: only the platform's user reads it. */
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    /** A backup written and opened again: its file, its size, and the rows of each table it holds. */
    record Taken(Path file, long bytes, Map<String, Long> rows) {

        long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final JdbcBackboneStore store;
    private final Clock clock;
    /** Opens a JDBC URL as a data source: the H2 driver, as the platform has it (a service in OSGi). */
    @FunctionalInterface
    interface Opener {
        DataSource open(String url) throws SQLException;
    }

    private final Opener h2;

    /** Takes one backup into a folder. */
    @FunctionalInterface
    interface Taker {
        Taken into(Path folder) throws Exception;
    }

    /**
     * Backups as the platform takes them: through the H2 driver's service as it is when each one runs. It is looked up
     * then, as the shell commands do, not referenced by a component: a reference would make the features resolver
     * require a driver service that H2's bundle does not declare.
     */
    static Taker throughDriverOf(BundleContext context, JdbcBackboneStore store) {
        return into -> JdbcDriver.use(context, "org.h2.Driver", "The H2 driver is not installed, so no backup could be "
                + "checked.", h2 -> new StoreBackup(store, Clock.systemUTC(), url -> JdbcDriver.open(h2, url, null, null))
                .into(into));
    }

    StoreBackup(JdbcBackboneStore store, Clock clock, Opener h2) {
        this.store = store;
        this.clock = clock;
        this.h2 = h2;
    }

    /** Writes a backup into the folder (made if missing), named by the moment it was taken, and checks it. */
    Taken into(Path given) throws IOException, SQLException {
        Path folder = given.toAbsolutePath().normalize(); // "--to a/../b" is "b", whether or not "a" exists
        if (store.onPostgresql()) {
            throw new IllegalStateException("The platform runs on PostgreSQL: back it up with PostgreSQL's own tools "
                    + "(pg_dump; README, \"Backups\").");
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalStateException(folder + " is a file, not a folder to write backups into.");
        }
        Files.createDirectories(folder, ownerOnly(OWNER_ONLY_FOLDER)); // a folder that exists keeps its own
        Path part = reserve(folder);
        Path file = part.resolveSibling(part.getFileName().toString().replaceFirst("\\.part$", ""));
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("BACKUP TO '" + part.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        try {
            return new Taken(file, Files.size(file), rowsIn(file));
        } catch (IOException | SQLException | RuntimeException e) { // not a backup: nobody should find it and trust it
            Files.deleteIfExists(file);
            throw new IllegalStateException("The backup written did not open as a database, so it was removed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The rows of each table of a backup, unpacked beside it into a folder of its own and opened read-only there; the
     * folder is removed after. (H2 opens a database inside a zip too, but seeks in it by reading it again from the
     * start: over a minute for a 150 MB database, against a second for unpacking and opening it.)
     */
    Map<String, Long> rowsIn(Path backup) throws IOException, SQLException {
        Path unpacked = Files.createTempDirectory(backup.getParent(), backup.getFileName() + ".check-");
        try {
            unzip(backup, unpacked);
            DataSource opened = h2.open("jdbc:h2:" + unpacked.resolve(DATABASE).toAbsolutePath() + ";ACCESS_MODE_DATA=r");
            Map<String, Long> rows = new LinkedHashMap<>();
            try (Connection c = opened.getConnection()) {
                for (String table : StoreCopy.tables(c.getMetaData())) {
                    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        r.next();
                        rows.put(table, r.getLong(1));
                    }
                }
            }
            if (!rows.containsKey("schema_version")) {
                throw new IllegalStateException(backup + " opens, but holds no platform data (no schema_version table).");
            }
            return rows;
        } finally {
            try (Stream<Path> files = Files.walk(unpacked)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path file = into.resolve(entry.getName()).normalize();
                if (!file.startsWith(into) || entry.isDirectory()) {
                    throw new IllegalStateException(zip + " holds " + entry.getName() + ", which is not a database file.");
                }
                Files.copy(entries, file);
            }
        }
    }

    /** The permissions as a file attribute where the file system has them (POSIX), else none. */
    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    /**
     * Creates the backup's {@code .part} file under a name no backup has, named by the moment: two backups started in
     * the same second get two names (creating a file is atomic), and a part left by a crash keeps its name taken.
     */
    private Path reserve(Path folder) throws IOException {
        Instant now = clock.instant();
        for (int n = 1; ; n++) {
            String name = BackupFolder.name(now, n);
            if (Files.exists(folder.resolve(name))) {
                continue;
            }
            try {
                return Files.createFile(folder.resolve(name + ".part"), ownerOnly(OWNER_ONLY)); // H2 writes into it
            } catch (FileAlreadyExistsException taken) {
                // another backup's part, or one left by a crash: the next name
            }
        }
    }
}
