package org.civicbackbone.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the embedded database answers reads (ADR 0038): each afresh. H2 2.2 could otherwise answer a session's repeated
 * query from before another session's commit, and go on doing so while the table stayed unchanged.
 */
final class EmbeddedDatabaseReads {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseReads.class);

    private EmbeddedDatabaseReads() {
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
}
