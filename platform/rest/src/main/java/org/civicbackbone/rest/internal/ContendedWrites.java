package org.civicbackbone.rest.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.civicbackbone.api.problem.Problem;

/**
 * Writes the database refused because they waited too long for a lock another transaction held, or deadlocked with
 * it: their transaction was rolled back, nothing changed, and the request may be sent again as it was. Answered 503
 * with {@code Retry-After}, not as the platform's own fault (500).
 */
final class ContendedWrites {

    /** The answer to such a write. */
    static final Problem PROBLEM = new Problem("urn:civicbackbone:problem:busy", "Service Unavailable", 503,
            "Another request was changing the same records and this one could not wait for it; nothing was changed. "
                    + "Send it again.", List.of());

    /** H2: HYT00 lock timeout, 40001 deadlock; PostgreSQL: 40P01 deadlock, 40001 serialization, 55P03 lock not available. */
    private static final Set<String> STATES = Set.of("HYT00", "40001", "40P01", "55P03");

    private ContendedWrites() {
    }

    /** The database's refusal among the causes of a failure, or null when it is none of those. */
    static SQLException cause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && STATES.contains(sql.getSQLState())) {
                return sql;
            }
        }
        return null;
    }
}
