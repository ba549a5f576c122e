package org.civicbackbone.api.initiative;

/**
 * A person's (or organisation's) seat in a governance body.
 *
 * @param id           the membership id
 * @param bodyId       the body
 * @param person       the person's name, or null when an organisation as such is the member (a fiscal host)
 * @param username     the person's login, when they have one
 * @param organisation   the organisation the person comes from, or the member organisation itself, as named
 * @param organisationId that organisation in the initiative's {@link OrganisationRegistry} (1.2)
 * @param role         the role held ("co-chair", "executive director", "fiscal host")
 * @param sector       the sector
 */
public record Membership(long id, long bodyId, String person, String username, String organisation, String role,
                         Sector sector, Long organisationId) {

    /** A seat not yet linked to the registry (the 1.1 shape). */
    public Membership(long id, long bodyId, String person, String username, String organisation, String role,
                      Sector sector) {
        this(id, bodyId, person, username, organisation, role, sector, null);
    }
}
