package org.civicbackbone.api.initiative;

/**
 * A person on an initiative's record: one record however many bodies they sit on, so that a change of name or login
 * is made once and every seat follows.
 *
 * @param id           the person's id
 * @param initiativeId the initiative
 * @param name         their name
 * @param username     their login, when they have one (their seats decide what the login may do)
 * @param email        the address their daily digest of what waits for them goes to, or null (since 1.7)
 */
public record Person(long id, String initiativeId, String name, String username, String email) {

    /** A person with no e-mail address on record. */
    public Person(long id, String initiativeId, String name, String username) {
        this(id, initiativeId, name, username, null);
    }
}
