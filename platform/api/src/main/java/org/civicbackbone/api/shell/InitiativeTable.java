package org.civicbackbone.api.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A {@link RecordTable} of one initiative's records: the command's first argument is the initiative's id, in
 * {@link #initiativeId} when {@link #rows()} is called.
 *
 * @param <T> a row's record
 */
@ConsumerType
public abstract class InitiativeTable<T> extends RecordTable<T> {

    /** The initiative the command lists, as given. */
    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    protected String initiativeId;

    /** @param columns the columns' titles, in order */
    protected InitiativeTable(String... columns) {
        super(columns);
    }
}
