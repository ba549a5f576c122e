package org.civicbackbone.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.shell.CommandRefused;
import org.civicbackbone.api.store.DatabaseBackups;
import org.osgi.framework.BundleContext;

/**
 * {@code backbone:backup}: a consistent backup of the embedded database while the platform serves, into the backups
 * folder that the schedule, the REST API and the console use ({@code data/backups/} unless
 * {@code etc/org.civicbackbone.backup.cfg} names another), or {@code --to}; restoring it is {@code bin/stop}, the zip unpacked into
 * {@code data/backbone/}, {@code bin/start} (README, "Backups"; ADR 0033).
 */
@Service
@Command(scope = "backbone", name = "backup",
        description = "Backs up the embedded H2 database while the platform runs, and checks that the backup opens")
public class StoreBackupCommand implements Action {

    @Option(name = "--to", description = "The folder to write the backup into (default: the backups folder, data/backups unless etc/org.civicbackbone.backup.cfg names another)")
    String folder;

    @Reference
    JdbcBackboneStore store;

    @Reference
    BundleContext bundleContext;

    @Reference
    DatabaseBackups backups;

    @Override
    public Object execute() throws Exception {
        StoreBackup.Taken taken;
        try {
            // the admins' folder, so that the schedule keeps the newest of them all and the console lists this one too
            Path into = Path.of(folder != null ? folder : backups.overview().folder());
            taken = StoreBackup.throughDriverOf(bundleContext, store).into(into);
        } catch (IllegalStateException | IOException | UncheckedIOException | SQLException e) {
            throw new CommandRefused("No backup was taken: " + e.getMessage());
        }
        System.out.printf(Locale.ROOT, "backed up %,d rows in %d tables to %s (%,d bytes)%n",
                taken.totalRows(), taken.rows().size(), taken.file().toAbsolutePath(), taken.bytes());
        return null;
    }
}
