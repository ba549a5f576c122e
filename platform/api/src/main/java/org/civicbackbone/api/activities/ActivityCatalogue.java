package org.civicbackbone.api.activities;

import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The activities of each initiative, registered by the aligned activities module while it is installed. Other
 * modules hold it as an optional, dynamic reference and refuse what they cannot check while it is absent.
 */
@ProviderType
public interface ActivityCatalogue {

    /** The initiative's activities; empty for an unknown initiative or one that does not use aligned activities. */
    List<ActivityRef> activities(String initiativeId);

    /**
     * The initiative's activity with this title (case and surrounding spaces aside) as it is in the caller's
     * transaction, held there until it commits: a change of the initiative's activities (an owner handed over, a title
     * changed) waits until then. A module calls it inside the transaction whose rule stands on the activity, before
     * that rule (an allocation of money to an activity names its owner as the beneficiary, who may not approve it).
     *
     * @param transaction the connection of the caller's {@code BackboneStore.inTransaction}
     * @since 1.1
     */
    Optional<ActivityRef> held(Connection transaction, String initiativeId, String title);

    /** The initiative's activity with this title (case and surrounding spaces aside), if it has one. */
    default Optional<ActivityRef> activity(String initiativeId, String title) {
        String wanted = title == null ? "" : title.strip().toLowerCase(Locale.ROOT);
        return activities(initiativeId).stream()
                .filter(a -> a.title().strip().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
