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

    /** Changes a person's name or login; every seat they hold follows. */
    Person update(String initiativeId, long personId, PersonSpec spec, String actor);
}
