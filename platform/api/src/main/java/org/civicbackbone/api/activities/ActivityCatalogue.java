package org.civicbackbone.api.activities;

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

    /** The initiative's activity with this title (case and surrounding spaces aside), if it has one. */
    default Optional<ActivityRef> activity(String initiativeId, String title) {
        String wanted = title == null ? "" : title.strip().toLowerCase(Locale.ROOT);
        return activities(initiativeId).stream()
                .filter(a -> a.title().strip().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
