package org.civicbackbone.api.initiative;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The people on an initiative's record. A seat names its holder through this record, so a person who sits on several
 * bodies is entered once. A login belongs to one person per initiative (409 otherwise); unknown initiatives and
 * people answer 404 problems.
 */
@ProviderType
public interface PersonRegistry {

    /** The initiative's people, by name. */
    List<Person> people(String initiativeId);

    /** One person of the initiative. */
    Person person(String initiativeId, long personId);

    /** The seats the person holds, on sitting bodies. */
    List<Membership> seats(String initiativeId, long personId);

    /** Records a person, audited as the actor's. */
    Person register(String initiativeId, PersonSpec spec, String actor);

    /**
     * Every initiative's record of the person who signs in with this login, by initiative: where their e-mail address
     * is found, whichever initiative recorded it.
     *
     * @since 1.7
     */
    List<Person> withLogin(String login);

    /**
     * {@link #withLogin} for every login at once, in one read: every initiative's record of a person with a login, by
     * login and then initiative. What a round over all logins (the daily digest) reads instead of one query a login.
     *
     * @since 1.8
     */
    List<Person> withAnyLogin();

    /** Changes a person's name, login or e-mail address; every seat they hold follows. */
    Person update(String initiativeId, long personId, PersonSpec spec, String actor);
}
