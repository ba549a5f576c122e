package org.civicbackbone.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The backups in one folder, known by the names {@link StoreBackup} gives them: {@code backbone-<UTC moment>.zip},
 * {@code -2} and on for a second one in the same second. Other files there, and the {@code .part} of a backup being
 * written, are not backups and are never touched.
 */
final class BackupFolder {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("backbone-([0-9]{8}-[0-9]{6})(?:-([0-9]+))?\\.zip");

    /** A backup found in the folder: its file, the moment it was taken (from its name), and its size. */
    record Backup(Path file, Instant takenAt, int sequence, long bytes) {
    }

    private static final Comparator<Backup> NEWEST_FIRST =
            Comparator.comparing(Backup::takenAt).thenComparingInt(Backup::sequence).reversed();

    private final Path folder;

    BackupFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** The folder backups go to unless told otherwise: {@code data/backups} of the installation. */
    static BackupFolder ofData() {
        return new BackupFolder(Path.of(System.getProperty("karaf.data", "data"), "backups"));
    }

    Path path() {
        return folder;
    }

    /** The name of a backup taken at this moment, the {@code n}th of its second. */
    static String name(Instant moment, int n) {
        return "backbone-" + STAMP.format(moment) + (n == 1 ? "" : "-" + n) + ".zip";
    }

    /** When the backup of this name was taken. */
    static Instant takenAt(Path backup) {
        Matcher m = NAME.matcher(backup.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(backup + " is not named as a backup");
        }
        return LocalDateTime.parse(m.group(1), STAMP).toInstant(ZoneOffset.UTC);
    }

    /** Every backup in the folder, the newest first; none when the folder does not exist yet. */
    List<Backup> newestFirst() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Backup> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches() && Files.isRegularFile(file)) {
                    int sequence = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                    found.add(new Backup(file, takenAt(file), sequence, Files.size(file)));
                }
            }
        }
        found.sort(NEWEST_FIRST);
        return found;
    }

    /** When the newest backup in the folder was taken, if there is one. */
    Optional<Instant> newest() throws IOException {
        return newestFirst().stream().findFirst().map(Backup::takenAt);
    }

    /**
     * Copies each of this folder's {@code keep} newest backups that the other folder lacks (by name) into it, each
     * written under a name no backup has and renamed once whole, so that a copy cut short is never taken for a
     * backup; returns those copied. A share that was out of reach catches up at the next copy.
     */
    List<Backup> copyInto(BackupFolder other, int keep) throws IOException {
        Files.createDirectories(other.folder);
        List<Backup> copied = new ArrayList<>();
        for (Backup backup : newestFirst().stream().limit(keep).toList()) {
            Path target = other.folder.resolve(backup.file().getFileName());
            if (!Files.exists(target)) {
                Path part = other.folder.resolve(backup.file().getFileName() + ".part");
                Files.copy(backup.file(), part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                copied.add(backup);
            }
        }
        return copied;
    }

    /** Removes every backup but the {@code keep} newest; returns those removed. */
    List<Backup> removeAllBut(int keep) throws IOException {
        List<Backup> all = newestFirst();
        List<Backup> removed = all.subList(Math.min(keep, all.size()), all.size());
        for (Backup old : removed) {
            Files.deleteIfExists(old.file());
        }
        return removed;
    }
}
