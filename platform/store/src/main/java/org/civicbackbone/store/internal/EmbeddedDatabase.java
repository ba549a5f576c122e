package org.civicbackbone.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the platform asks of its embedded H2 beyond SQL: that it answer each read afresh (ADR 0038), and that it close
 * while its classes are still there when the platform stops.
 */
final class EmbeddedDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private EmbeddedDatabase() {
    }

    /**
     * Turns off H2's reuse of a query's last result for the whole database (the setting is kept in it); run at every
     * start, so that databases made before this are mended too.
     */
    static void answerEachAfresh(DataSource h2) {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET OPTIMIZE_REUSE_RESULTS 0");
        } catch (SQLException e) {
            // a user without admin rights cannot; the URL can say it instead
            LOG.warn("The embedded database kept reusing query results ({}): a read may miss a commit made while it "
                    + "ran; add ;OPTIMIZE_REUSE_RESULTS=0 to the data source's url", e.getMessage());
        }
    }

    /**
     * Closes the database if the platform is stopping (the framework's own bundle is). The data source's URL keeps it
     * open while the platform runs ({@code DB_CLOSE_DELAY=-1}), so H2 would otherwise close it in the JVM's exit hook,
     * after the framework has taken its bundle away: the close then failed on a class it could no longer load,
     * skipped its compaction and left an error in {@code data/backbone/backbone.trace.db} at every {@code bin/stop}.
     */
    static void closeIfThePlatformStops(BundleContext context, DataSource h2) {
        if (context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).getState() != Bundle.STOPPING) {
            return; // only this component stops (a refresh, a new data source): the platform goes on using it
        }
        Connection pooled = null;
        try {
            pooled = h2.getConnection();
            try (Statement s = pooled.createStatement()) {
                // not kept in the database: only the pool's tidying of this connection after the close is kept quiet
                s.execute("SET TRACE_LEVEL_FILE 0");
                s.execute("SHUTDOWN");
            }
            LOG.info("The embedded database is closed");
        } catch (SQLException e) {
            // every commit is on disk already (WRITE_DELAY=0): what is lost is the tidy close, not data
            LOG.warn("The embedded database could not be closed as the platform stopped: {}", e.getMessage());
        } finally {
            giveBack(pooled);
        }
    }

    /** Returns the connection to its pool, which fails to tidy a connection to a closed database, as expected. */
    private static void giveBack(Connection pooled) {
        if (pooled == null) {
            return;
        }
        try {
            pooled.close();
        } catch (SQLException closedWithItsDatabase) {
            LOG.debug("The pool let go of a connection to the closed database: {}", closedWithItsDatabase.getMessage());
        }
    }
}
