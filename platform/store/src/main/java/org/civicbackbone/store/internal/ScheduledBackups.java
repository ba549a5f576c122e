package org.civicbackbone.store.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs the embedded database up on a schedule and keeps the newest few ({@code etc/org.civicbackbone.backup.cfg},
 * ADR 0033's amendment), so that a hosting organisation without a shell or cron still has last night's data the
 * day a disk fails. The next backup is due one interval after the newest in the folder, whoever took it, so a
 * restart neither skips one nor takes one early; a first one waits a while after the start, off the start's path.
 * On PostgreSQL it takes none: that database is backed up with its own tools.
 */
@Component(service = ScheduledBackups.class, configurationPid = "org.civicbackbone.backup",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = ScheduledBackups.Config.class)
public class ScheduledBackups {

    /** Settings of the scheduled backups. */
    @ObjectClassDefinition(name = "Civic Backbone scheduled backups",
            description = "Backs the embedded H2 database up while the platform runs, and keeps the newest few.")
    public @interface Config {
        @AttributeDefinition(name = "Enabled", description = "Take backups on a schedule.")
        boolean enabled() default false;

        @AttributeDefinition(name = "Every (hours)", description = "Hours from one backup to the next.", min = "1")
        int every_hours() default 24;

        @AttributeDefinition(name = "Keep", description = "How many of the newest backups the folder keeps; "
                + "older ones are removed after each scheduled backup.", min = "1")
        int keep() default 7;

        @AttributeDefinition(name = "Folder", description = "Where backups go; empty for data/backups.")
        String folder() default "";

        @AttributeDefinition(name = "Copy to", description = "A second folder, such as a mounted network share or "
                + "another disk, that gets a copy of each scheduled backup and keeps as many; empty for none.")
        String copy_to() default "";

        @AttributeDefinition(name = "Delay after start (seconds)",
                description = "How long a backup that is due waits after the platform starts.", min = "0")
        int start_delay_seconds() default 600;
    }

    /** How long a failed backup waits before it is tried again (the shortest interval there is). */
    private static final Duration RETRY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBackups.class);

    private final BackupFolder folder;
    /** The second folder each scheduled backup is copied to, or null. */
    private final BackupFolder copies;
    /** Why the last copy failed, or null when it did not (or none was tried yet). */
    private final AtomicReference<String> copyFailure = new AtomicReference<>();
    private final Duration every;
    private final int keep;
    private final StoreBackup.Taker backup;
    private final Clock clock;
    /** Null when nothing is scheduled: disabled, on PostgreSQL, or settings that make no sense. */
    private final ScheduledThreadPoolExecutor timer;
    private final AtomicReference<Instant> next = new AtomicReference<>();

    @Activate
    public ScheduledBackups(Config config, @Reference JdbcBackboneStore store, BundleContext context) {
        this(config, store, StoreBackup.throughDriverOf(context, store), Clock.systemUTC());
    }

    ScheduledBackups(Config config, JdbcBackboneStore store, StoreBackup.Taker backup, Clock clock) {
        this.folder = config.folder().isBlank() ? BackupFolder.ofData() : new BackupFolder(Path.of(config.folder()));
        this.copies = config.copy_to().isBlank() ? null : new BackupFolder(Path.of(config.copy_to().strip()));
        this.every = Duration.ofHours(config.every_hours());
        this.keep = config.keep();
        this.backup = backup;
        this.clock = clock;
        this.timer = config.enabled() && sensible(config, store) ? newTimer() : null;
        if (timer != null) {
            Instant now = clock.instant();
            Optional<Instant> newest = Optional.empty();
            try {
                newest = folder.newest();
            } catch (java.io.IOException e) {
                LOG.warn("Could not read the backups in {}; the first is due after the start's delay: {}",
                        folder.path(), e.toString());
            }
            scheduleAt(firstDue(newest, now, every, Duration.ofSeconds(config.start_delay_seconds())), now);
        }
    }

    /** A backup is due one interval after the newest, and never sooner than the delay after the start. */
    static Instant firstDue(Optional<Instant> newest, Instant now, Duration every, Duration startDelay) {
        Instant earliest = now.plus(startDelay);
        return newest.map(n -> n.plus(every)).filter(due -> due.isAfter(earliest)).orElse(earliest);
    }

    /** When the next scheduled backup is due; empty when none is scheduled. */
    Optional<Instant> nextDue() {
        return Optional.ofNullable(next.get());
    }

    /** The folder the schedule writes into and prunes. */
    BackupFolder folder() {
        return folder;
    }

    int keep() {
        return keep;
    }

    /** The second folder each scheduled backup is copied to, if one is set. */
    Optional<BackupFolder> copies() {
        return Optional.ofNullable(copies);
    }

    /** Why the last copy to the second folder failed, if it did. */
    Optional<String> copyFailure() {
        return Optional.ofNullable(copyFailure.get());
    }

    private static boolean sensible(Config config, JdbcBackboneStore store) {
        if (store.onPostgresql()) {
            LOG.info("Scheduled backups are off: the platform runs on PostgreSQL, which is backed up with pg_dump");
            return false;
        }
        if (config.every_hours() < 1 || config.keep() < 1 || config.start_delay_seconds() < 0) {
            LOG.error("Scheduled backups are off: etc/org.civicbackbone.backup.cfg asks for every.hours = {}, keep = {},"
                            + " start.delay.seconds = {}; every.hours and keep must be at least 1, the delay at least 0",
                    config.every_hours(), config.keep(), config.start_delay_seconds());
            return false;
        }
        return true;
    }

    private static ScheduledThreadPoolExecutor newTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "backbone-scheduled-backup");
            t.setDaemon(true);
            return t;
        });
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // a stop cancels what waits
        return timer;
    }

    /**
     * Synchronized: a backup due at once can run, fail and schedule the next before this call has set its own due,
     * which would then overwrite the later one (seen once in CI under load: the due stayed the start for good).
     */
    private synchronized void scheduleAt(Instant due, Instant now) {
        timer.schedule(this::takeOne, Math.max(0, Duration.between(now, due).toMillis()), TimeUnit.MILLISECONDS);
        next.set(due); // only once it is really scheduled
        LOG.info("Next scheduled backup of the embedded database at {} into {}", due, folder.path());
    }

    private void takeOne() {
        Instant due;
        try {
            StoreBackup.Taken taken = backup.into(folder.path());
            List<BackupFolder.Backup> removed = folder.removeAllBut(keep);
            LOG.info("Scheduled backup: {} rows in {} tables to {} ({} bytes); removed {} older, keeping the newest {}",
                    taken.totalRows(), taken.rows().size(), taken.file(), taken.bytes(), removed.size(), keep);
            due = clock.instant().plus(every);
            copyOut();
        } catch (Exception e) { // a full disk, a folder gone: said in the log, and tried again
            LOG.error("The scheduled backup into {} failed; trying again in an hour: {}", folder.path(),
                    e.getMessage(), e);
            due = clock.instant().plus(RETRY);
        }
        try {
            scheduleAt(due, clock.instant());
        } catch (RejectedExecutionException stopped) {
            // the component stopped while this backup ran: nothing more is due
        }
    }

    /**
     * Copies the newest backups the second folder lacks into it, and prunes it as the backups folder is pruned. A copy
     * that fails leaves the backup itself standing: it is said in the log and the overview, and the next scheduled
     * backup copies whatever is missing.
     */
    private void copyOut() {
        if (copies == null) {
            return;
        }
        try {
            List<BackupFolder.Backup> copied = folder.copyInto(copies, keep);
            List<BackupFolder.Backup> removed = copies.removeAllBut(keep);
            copyFailure.set(null);
            LOG.info("Copied {} backup(s) to {}; removed {} older there", copied.size(), copies.path(), removed.size());
        } catch (Exception e) {
            copyFailure.set(e.getClass().getSimpleName() + ": " + e.getMessage());
            LOG.error("Copying the backups to {} failed; the next scheduled backup tries again: {}", copies.path(),
                    e.getMessage(), e);
        }
    }

    /** Cancels the next backup; one being written is let finish, so it never leaves a half-written part. */
    @Deactivate
    void stop() throws InterruptedException {
        if (timer != null) {
            synchronized (this) { // not between a schedule and its due being set
                next.set(null);
                timer.shutdown();
            }
            timer.awaitTermination(2, TimeUnit.MINUTES);
        }
    }
}
