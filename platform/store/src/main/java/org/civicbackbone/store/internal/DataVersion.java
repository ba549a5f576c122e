package org.civicbackbone.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The version of the data as this node knows it ({@link org.civicbackbone.api.store.BackboneStore#dataVersion}).
 * It moves after each of this node's commits. On PostgreSQL one thread of this node keeps a connection of its own
 * that listens on {@value #CHANNEL}, moving the version whenever a commit of any node is heard, and tells the other
 * nodes of this node's commits on it: every {@value #TELL_EVERY_MILLIS} ms at most, one notification for all the
 * commits since the last, so a write waits for nothing (a notification sent by each write, inside its transaction
 * or after it, cost a third of the write throughput: PostgreSQL lets one notifying transaction commit at a time).
 * While that connection is lost, nobody can say what changed: the version then moves at every call until the node
 * listens again, and the other nodes see this node's commits within their answers' age limit.
 */
final class DataVersion {

    /** The PostgreSQL notification channel of the platform's commits. */
    static final String CHANNEL = "backbone_data";

    private static final Logger LOG = LoggerFactory.getLogger(DataVersion.class);
    static final int TELL_EVERY_MILLIS = 5;

    private final AtomicLong version = new AtomicLong();
    /** Commits of this node not yet told to the others. */
    private final AtomicBoolean untold = new AtomicBoolean();
    private volatile boolean deaf;
    private volatile boolean stopped;
    private Thread listener;

    /** The version now. */
    long current() {
        return deaf ? version.incrementAndGet() : version.get();
    }

    /** This node committed a unit of work that may have written: its version moves, and the others will hear. */
    void written() {
        version.incrementAndGet();
        untold.set(true);
    }

    /** Starts listening to the other nodes' commits on a connection of {@code dataSource} (PostgreSQL only). */
    synchronized void listen(DataSource dataSource) {
        deaf = true; // until the first LISTEN is in place, commits elsewhere could be missed
        listener = new Thread(() -> listenUntilStopped(dataSource), "backbone-store-data-version");
        listener.setDaemon(true);
        listener.start();
    }

    /** Stops listening and waits for the listening thread to end. */
    synchronized void stop() throws InterruptedException {
        stopped = true;
        if (listener != null) {
            listener.interrupt();
            listener.join(5_000);
        }
    }

    private void listenUntilStopped(DataSource dataSource) {
        while (!stopped) {
            try (Connection c = dataSource.getConnection(); Statement tell = c.createStatement()) {
                c.setAutoCommit(true);
                // a lost notification is harmless (a node that hears again moves its version): no flush to wait for
                tell.execute("SET synchronous_commit TO OFF");
                tell.execute("LISTEN " + CHANNEL);
                try {
                    PGConnection notifications = c.unwrap(PGConnection.class);
                    deaf = false;
                    version.incrementAndGet(); // what was read before this LISTEN may have changed unheard
                    while (!stopped) {
                        PGNotification[] heard = notifications.getNotifications(TELL_EVERY_MILLIS);
                        if (heard != null && heard.length > 0) {
                            version.incrementAndGet();
                        }
                        if (untold.getAndSet(false)) {
                            tell.execute("NOTIFY " + CHANNEL);
                        }
                    }
                } finally {
                    unlisten(c); // the connection goes back to the pool: its next user must not collect notifications
                }
            } catch (SQLException | RuntimeException e) {
                deaf = true;
                if (!stopped) {
                    LOG.warn("Lost the connection that hears other nodes' writes ({}); reads are not reused until it "
                            + "is back", e.getMessage());
                    pause();
                }
            }
        }
    }

    private static void unlisten(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("UNLISTEN *; RESET synchronous_commit");
        } catch (SQLException e) {
            LOG.debug("UNLISTEN failed on a connection that is probably gone", e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
