package org.civicbackbone.store.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.store.DatabaseBackups;

/**
 * {@code backbone:backups}: the backups in the backups folder, the newest first, and when the next scheduled one is
 * due, so an operator sees at a glance that backups are being taken (ADR 0033's amendment).
 */
@Service
@Command(scope = "backbone", name = "backups",
        description = "Lists the backups of the embedded database and when the next scheduled one is due")
public class BackupsCommand implements Action {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Reference
    DatabaseBackups backups;

    @Override
    public Object execute() throws Exception {
        DatabaseBackups.Overview overview = backups.overview(); // what the API and the console show too
        if (!overview.available()) {
            System.out.println("The platform runs on PostgreSQL: back it up with pg_dump (README, \"Backups\").");
            return null;
        }
        System.out.println(overview.backups().isEmpty() ? "No backups in " + overview.folder()
                : "Backups in " + overview.folder() + ", the newest first:");
        for (DatabaseBackups.Backup b : overview.backups()) {
            System.out.printf(Locale.ROOT, "  %-34s taken %s  %,15d bytes%n", b.name(), SHOWN.format(b.takenAt()),
                    b.bytes());
        }
        System.out.println(overview.nextDue() == null
                ? "No backup is scheduled (etc/org.civicbackbone.backup.cfg: enabled = true schedules them)."
                : "Next scheduled backup: " + SHOWN.format(overview.nextDue()) + "; the newest " + overview.keep()
                        + " are kept.");
        if (overview.copiedTo() != null) {
            System.out.println("Each scheduled backup is also copied to " + overview.copiedTo() + " ("
                    + overview.copies() + " there now)" + (overview.copyFailure() == null ? "."
                    : "; the last copy failed: " + overview.copyFailure()));
        }
        return null;
    }
}
