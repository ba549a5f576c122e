package org.civicbackbone.api.initiative;

import java.time.Instant;

/**
 * A person's (or organisation's) seat in a governance body.
 *
 * @param id             the membership id
 * @param bodyId         the body
 * @param person         the person's name, or null when an organisation as such is the member (a fiscal host)
 * @param username       the person's login, when they have one
 * @param organisation   the organisation the person comes from, or the member organisation itself, as named
 * @param role           the role held ("co-chair", "executive director", "fiscal host")
 * @param sector         the sector
 * @param organisationId that organisation in the initiative's {@link OrganisationRegistry} (1.2)
 * @param retiredAt      when the seat was given up, or null while it is held; a retired seat votes on nothing (1.2)
 * @param personId       the person's record ({@link PersonRegistry}), the same for each of their seats; null for an
 *                       organisation's seat (1.2)
 */
public record Membership(long id, long bodyId, String person, String username, String organisation, String role,
                         Sector sector, Long organisationId, Instant retiredAt, Long personId) {

    /** A seat not yet linked to the registries (the 1.1 shape). */
    public Membership(long id, long bodyId, String person, String username, String organisation, String role,
                      Sector sector) {
        this(id, bodyId, person, username, organisation, role, sector, null, null, null);
    }
}
