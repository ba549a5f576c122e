package org.civicbackbone.testkit;

import java.util.UUID;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.store.internal.JdbcBackboneStore;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The platform's real store (transactions, migrations, mappers) on a fresh in-memory H2 database of its own, so a
 * module's unit tests run its SQL and its service rules for real.
 */
public final class TestStore {

    private TestStore() {
    }

    /** A new, empty database; it lives as long as the test's JVM. */
    public static BackboneStore inMemory() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:testkit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new JdbcBackboneStore(database);
    }
}
