package org.civicbackbone.api.store;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Backups of the embedded database, for platform admins (1.8; ADR 0033): those in the backups folder, when the next
 * scheduled one is due, and one taken now. A backup is taken while the platform serves and checked by opening it. On
 * PostgreSQL none is taken here: that database is backed up with its own tools.
 */
@ProviderType
public interface DatabaseBackups {

    /** A backup in the backups folder: its file's name, the moment it was taken (UTC), its size. */
    record Backup(String name, Instant takenAt, long bytes) {
    }

    /**
     * The backups folder as it is: its backups, the newest first; when the next scheduled backup is due (null when
     * none is scheduled) and how many the schedule keeps (0 then); whether backups are taken here at all (false on
     * PostgreSQL, with the backups empty). Since 1.9, the second folder each scheduled backup is copied to (null when
     * none is set), how many backups it holds, and why the last copy failed (null when it did not).
     */
    record Overview(boolean available, String folder, List<Backup> backups, Instant nextDue, int keep,
                    String copiedTo, int copies, String copyFailure) {
        public Overview {
            backups = List.copyOf(backups);
        }

        /** An overview of a folder whose backups are copied nowhere. */
        public Overview(boolean available, String folder, List<Backup> backups, Instant nextDue, int keep) {
            this(available, folder, backups, nextDue, keep, null, 0, null);
        }
    }

    /** A backup just taken and opened again: the file, and how many rows in how many tables it holds. */
    record Taken(Backup backup, long rows, int tables) {
    }

    Overview overview();

    /**
     * Takes a backup now into the backups folder and checks it. Refused with a
     * {@link org.civicbackbone.api.problem.ProblemException} (409) on PostgreSQL; a backup that does not open again is
     * removed and refused the same way.
     */
    Taken takeNow();

    /**
     * Opens a backup of the folder to read, so that an admin can keep a copy off the machine. Refused with a
     * {@link org.civicbackbone.api.problem.ProblemException} (404) when the folder has no backup of that name.
     */
    InputStream open(String name);
}
