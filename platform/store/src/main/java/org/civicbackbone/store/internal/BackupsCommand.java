package org.civicbackbone.store.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

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
    JdbcBackboneStore store;

    /** Present while etc/org.civicbackbone.backup.cfg exists, whether or not it schedules anything. */
    @Reference(optional = true)
    ScheduledBackups schedule;

    @Override
    public Object execute() throws Exception {
        if (store.onPostgresql()) {
            System.out.println("The platform runs on PostgreSQL: back it up with pg_dump (README, \"Backups\").");
            return null;
        }
        BackupFolder folder = schedule != null ? schedule.folder()
                : BackupFolder.ofData();
        List<BackupFolder.Backup> backups = folder.newestFirst();
        System.out.println(backups.isEmpty() ? "No backups in " + folder.path()
                : "Backups in " + folder.path() + ", the newest first:");
        for (BackupFolder.Backup b : backups) {
            System.out.printf(Locale.ROOT, "  %-34s taken %s  %,15d bytes%n", b.file().getFileName(),
                    SHOWN.format(b.takenAt()), b.bytes());
        }
        System.out.println(schedule == null || schedule.nextDue().isEmpty()
                ? "No backup is scheduled (etc/org.civicbackbone.backup.cfg: enabled = true schedules them)."
                : "Next scheduled backup: " + SHOWN.format(schedule.nextDue().get()) + "; the newest "
                        + schedule.keep() + " are kept.");
        return null;
    }
}
