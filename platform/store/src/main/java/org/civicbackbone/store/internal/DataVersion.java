package org.civicbackbone.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The version of the data as this node knows it ({@link org.civicbackbone.api.store.BackboneStore#dataVersion}).
 * It moves after each of this node's commits; on PostgreSQL every write transaction also sends {@value #CHANNEL}
 * (delivered by the database when it commits), and a thread of this node listens on a connection of its own, moving
 * the version whenever another node's commit is heard. While that connection is lost, nobody can say what changed:
 * the version then moves at every call until the node listens again.
 */
final class DataVersion {

    /** The PostgreSQL notification channel of the platform's commits. */
    static final String CHANNEL = "backbone_data";

    private static final Logger LOG = LoggerFactory.getLogger(DataVersion.class);
    private static final int WAIT_MILLIS = 500;

    private final AtomicLong version = new AtomicLong();
    private volatile boolean deaf;
    private volatile boolean stopped;
    private Thread listener;

    /** The version now. */
    long current() {
        return deaf ? version.incrementAndGet() : version.get();
    }

    /** This node committed a unit of work that may have written. */
    void written() {
        version.incrementAndGet();
    }

    /** Sends the notification other nodes hear; it leaves when the transaction on {@code c} commits. */
    static void tellOthers(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("NOTIFY " + CHANNEL);
        }
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
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                try {
                    PGConnection notifications = c.unwrap(PGConnection.class);
                    deaf = false;
                    version.incrementAndGet(); // what was read before this LISTEN may have changed unheard
                    while (!stopped) {
                        PGNotification[] heard = notifications.getNotifications(WAIT_MILLIS);
                        if (heard != null && heard.length > 0) {
                            version.incrementAndGet();
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
            s.execute("UNLISTEN *");
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
