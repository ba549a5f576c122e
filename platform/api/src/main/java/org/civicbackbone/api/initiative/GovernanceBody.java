package org.civicbackbone.api.initiative;

import java.time.Instant;

/**
 * A governance body of an initiative: a board, a leadership group, a fiscal host, a working group.
 *
 * @param id           the body's id
 * @param initiativeId the initiative it belongs to
 * @param type         its type key, matched against a structure model's required bodies ({@code host-board})
 * @param name         its name ("Riverbend Community Foundation board")
 * @param custom       whether its type is the initiative's own rather than one its structure model names (1.2)
 * @param retiredAt    when it was retired, or null while it sits; a retired body and its seats decide nothing (1.2)
 */
public record GovernanceBody(long id, String initiativeId, String type, String name, boolean custom,
                             Instant retiredAt) {

    /** A sitting body of a type its model names (the 1.1 shape). */
    public GovernanceBody(long id, String initiativeId, String type, String name) {
        this(id, initiativeId, type, name, false, null);
    }
}
