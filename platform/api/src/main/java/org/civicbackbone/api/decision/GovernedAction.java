package org.civicbackbone.api.decision;

import java.sql.Connection;
import java.sql.SQLException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's record of a governed action (an allocation, a grant acceptance, a hire), written in the same
 * transaction as the proposal that governs it: both are committed, or neither. Checks that protect money or decisions
 * belong here, on rows the action locks, so that parallel requests cannot together pass them.
 *
 * @param <T> what the action returns
 */
@ConsumerType
@FunctionalInterface
public interface GovernedAction<T> {

    /** Records the action for the just-opened proposal; throwing rolls the proposal back too. */
    T record(Connection connection, Proposal proposal) throws SQLException;
}
