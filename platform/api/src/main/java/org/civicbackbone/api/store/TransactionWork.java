package org.civicbackbone.api.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done inside one database transaction.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface TransactionWork<T> {
    /** Does the work on a connection whose transaction the store commits or rolls back. */
    T run(Connection connection) throws SQLException;
}
