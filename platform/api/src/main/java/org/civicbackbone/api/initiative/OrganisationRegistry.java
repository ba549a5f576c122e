package org.civicbackbone.api.initiative;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.civicbackbone.api.problem.ProblemException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Each initiative's registry of organisations. Names and aliases are matched as {@link OrganisationName#key} reads
 * them (case, accents, punctuation, a leading "the" and legal suffixes do not count), and no two organisations of an
 * initiative share a name or an alias. Unknown initiatives answer 404 problems; a name or alias already taken, 409.
 */
@ProviderType
public interface OrganisationRegistry {

    /** The initiative's organisations, by name. */
    List<Organisation> organisations(String initiativeId);

    /** One organisation of the initiative (404 when it has no such organisation). */
    Organisation organisation(String initiativeId, long organisationId);

    /** The organisation a name or an alias stands for in the initiative, if any. */
    Optional<Organisation> resolve(String initiativeId, String nameOrAlias);

    /**
     * The organisation a request's field names, by a name or an alias the registry knows.
     *
     * @throws ProblemException 400 naming {@code field} and saying how to register it, when the registry knows none
     * @since 1.5
     */
    default Organisation registered(String initiativeId, String field, String nameOrAlias) {
        return resolve(initiativeId, nameOrAlias).orElseThrow(() -> ProblemException.invalid(field, unknown(nameOrAlias)));
    }

    /**
     * Why a name the registry does not know is refused, in the words every module uses.
     *
     * @since 1.5
     */
    static String unknown(String nameOrAlias) {
        return "'" + (nameOrAlias == null ? "" : nameOrAlias.strip()) + "' is not in the initiative's organisation "
                + "registry: register it (POST .../organisations) or use one of the names or aliases there";
    }

    /** Registers an organisation, audited as the actor's. */
    Organisation register(String initiativeId, OrganisationSpec spec, String actor);

    /** Changes an organisation's name, aliases and sectors; what points to it follows. */
    Organisation update(String initiativeId, long organisationId, OrganisationSpec spec, String actor);

    /**
     * Merges two records that turn out to be one organisation: the duplicate's name and aliases become aliases of
     * the organisation kept, which also takes the duplicate's sectors; every seat, and every row of every module
     * that registers {@link OrganisationReferences}, then points to the organisation kept, and the duplicate is gone.
     * All in one transaction, audited as the actor's. 404 when either is not the initiative's; 400 when both are one;
     * 409, nothing changed, while a module that registers {@link OrganisationReferences} is not working.
     *
     * @param duplicateId the organisation merged away
     * @param keptId      the organisation kept
     * @return the organisation kept, as it is after the merge
     * @since 1.4
     */
    Organisation merge(String initiativeId, long duplicateId, long keptId, String actor);

    /**
     * The organisation of that id as it is in the caller's transaction, held there until it commits: a merge of it
     * waits until then, and so repoints what the transaction wrote with its id; one merged away since the caller
     * resolved it is followed to the organisation kept. A module calls it inside the transaction that writes an
     * organisation's id, before that write (and before any write a merge repoints, so the two never wait on each
     * other), and writes the id and name of the organisation it answers. Any number of writes hold one organisation
     * at once; only its merge waits for them (ADR 0025).
     *
     * @param transaction    the connection of the write's {@code BackboneStore.inTransaction}
     * @param organisationId the organisation as resolved before the transaction
     * @throws ProblemException 404 when the initiative has no organisation of that id, and none was merged away
     * @since 1.9
     */
    Organisation hold(Connection transaction, String initiativeId, long organisationId);
}
