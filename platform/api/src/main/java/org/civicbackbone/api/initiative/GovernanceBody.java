package org.civicbackbone.api.initiative;

/**
 * A governance body of an initiative: a board, a leadership group, a fiscal host, a working group.
 *
 * @param id           the body's id
 * @param initiativeId the initiative it belongs to
 * @param type         its type key, matched against a structure model's required bodies ({@code host-board})
 * @param name         its name ("Riverbend Community Foundation board")
 */
public record GovernanceBody(long id, String initiativeId, String type, String name) {
}
