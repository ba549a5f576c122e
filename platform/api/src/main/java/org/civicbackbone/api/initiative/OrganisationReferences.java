package org.civicbackbone.api.initiative;

import java.sql.Connection;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered as a service by a module whose tables hold ids of the {@link OrganisationRegistry}: when two records of
 * an initiative turn out to be one organisation and are merged, the module's rows follow.
 *
 * <p>{@link #repoint} runs inside the merge's transaction, on its connection (use
 * {@link org.civicbackbone.api.store.BackboneStore#mapper}): if it throws, nothing of the merge is kept. A module
 * that was not installed when a merge happened is given every merge of the past, in order, when its service
 * appears; so repointing must be safe to repeat (an {@code UPDATE ... WHERE column = from} is).
 *
 * @since 1.4
 */
@ConsumerType
public interface OrganisationReferences {

    /**
     * Points every row of this module that points to organisation {@code fromId} to organisation {@code intoId}.
     *
     * @param connection   the merge's connection
     * @param initiativeId the initiative whose registry held both organisations
     * @param fromId       the organisation merged away
     * @param intoId       the organisation kept
     */
    void repoint(Connection connection, String initiativeId, long fromId, long intoId);
}
