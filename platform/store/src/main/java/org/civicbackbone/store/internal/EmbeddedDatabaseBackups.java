package org.civicbackbone.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.DatabaseBackups;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The backups of the embedded database as platform admins see them through the REST API and the console: the
 * schedule's folder (or {@code data/backups} without a schedule) and a backup taken now, the same as
 * {@code backbone:backup} takes (ADR 0033).
 */
@Component(service = DatabaseBackups.class)
public class EmbeddedDatabaseBackups implements DatabaseBackups {

    private static final String ON_POSTGRESQL = "The platform runs on PostgreSQL: back it up with PostgreSQL's own "
            + "tools (pg_dump; README, \"Backups\").";

    private final JdbcBackboneStore store;
    private final StoreBackup.Taker backup;
    /** Where backups go while no schedule names a folder. */
    private final BackupFolder unscheduled;

    /**
     * The schedule, while etc/org.civicbackbone.backup.cfg is there. Followed as it comes and goes (an edit of the file
     * makes a new one) without restarting this service, and with it the REST resource and the API's application.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ScheduledBackups schedule;

    @Activate
    public EmbeddedDatabaseBackups(@Reference JdbcBackboneStore store, BundleContext context) {
        this(store, StoreBackup.throughDriverOf(context, store), BackupFolder.ofData());
    }

    EmbeddedDatabaseBackups(JdbcBackboneStore store, StoreBackup.Taker backup, BackupFolder unscheduled) {
        this(store, backup, unscheduled, null);
    }

    /** With a schedule bound from the start (tests; the running platform binds it as it comes and goes). */
    EmbeddedDatabaseBackups(JdbcBackboneStore store, StoreBackup.Taker backup, BackupFolder unscheduled,
                            ScheduledBackups schedule) {
        this.store = store;
        this.backup = backup;
        this.unscheduled = unscheduled;
        this.schedule = schedule;
    }

    @Override
    public Overview overview() {
        ScheduledBackups schedule = this.schedule; // one schedule for the whole answer, though it may change meanwhile
        BackupFolder folder = schedule != null ? schedule.folder() : unscheduled;
        if (store.onPostgresql()) {
            return new Overview(false, folder.path().toString(), List.of(), null, 0);
        }
        try {
            List<Backup> backups = folder.newestFirst().stream()
                    .map(b -> new Backup(b.file().getFileName().toString(), b.takenAt(), b.bytes())).toList();
            Optional<java.time.Instant> next = schedule == null ? Optional.empty() : schedule.nextDue();
            Optional<BackupFolder> copies = schedule == null ? Optional.empty() : schedule.copies();
            String failure = schedule == null ? null : schedule.copyFailure().orElse(null);
            int copied = 0;
            if (copies.isPresent()) {
                try {
                    copied = copies.get().newestFirst().size();
                } catch (IOException e) { // a share out of reach: said, not a failed answer
                    failure = failure != null ? failure : "the folder could not be read: " + e.getMessage();
                }
            }
            return new Overview(true, folder.path().toString(), backups, next.orElse(null),
                    next.isPresent() ? schedule.keep() : 0, copies.map(c -> c.path().toString()).orElse(null), copied,
                    failure);
        } catch (IOException e) {
            throw new UncheckedIOException("The backups folder " + folder.path() + " could not be read", e);
        }
    }

    @Override
    public Taken takeNow() {
        if (store.onPostgresql()) {
            throw new ProblemException(Problem.conflict(ON_POSTGRESQL));
        }
        StoreBackup.Taken taken;
        try {
            taken = backup.into(folder().path());
        } catch (IllegalStateException e) { // a folder that is a file, a backup that did not open: the admin's to mend
            throw new ProblemException(Problem.conflict("No backup was taken: " + e.getMessage()));
        } catch (Exception e) {
            throw new IllegalStateException("No backup was taken: " + e.getMessage(), e);
        }
        return new Taken(new Backup(taken.file().getFileName().toString(), BackupFolder.takenAt(taken.file()),
                taken.bytes()), taken.totalRows(), taken.rows().size());
    }

    private BackupFolder folder() {
        ScheduledBackups schedule = this.schedule;
        return schedule != null ? schedule.folder() : unscheduled;
    }

    @Override
    public InputStream open(String name) {
        BackupFolder folder = folder();
        try {
            // only a name from the folder's own list: never a path of the caller's making
            Optional<Path> file = folder.newestFirst().stream().map(BackupFolder.Backup::file)
                    .filter(f -> f.getFileName().toString().equals(name)).findFirst();
            if (file.isEmpty()) {
                throw new ProblemException(Problem.notFound("There is no backup '" + name + "' in " + folder.path()
                        + "."));
            }
            return Files.newInputStream(file.get());
        } catch (IOException e) {
            throw new UncheckedIOException("The backup " + name + " could not be read", e);
        }
    }
}
