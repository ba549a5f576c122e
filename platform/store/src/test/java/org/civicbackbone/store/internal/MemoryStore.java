package org.civicbackbone.store.internal;

import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The store on a fresh in-memory H2 database of its own, for the unit tests of the store and of the core (shipped
 * as this module's test jar: the core cannot use the testkit, which is built on it). A module's tests use
 * {@code org.civicbackbone.testkit.TestStore}.
 */
public final class MemoryStore {

    private MemoryStore() {
    }

    /** A new, empty database; it lives as long as the test's JVM. */
    public static JdbcBackboneStore fresh() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new JdbcBackboneStore(database);
    }
}
