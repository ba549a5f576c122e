package org.civicbackbone.api.measurement;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The shared indicators of each initiative, registered by the shared measurement module while it is installed.
 * Other modules hold it as an optional, dynamic reference and say so when it is absent rather than fail.
 */
@ProviderType
public interface IndicatorCatalogue {

    /** The initiative's indicators, by id; empty for an unknown initiative. */
    List<IndicatorRef> indicators(String initiativeId);

    /** One of the initiative's indicators, if it has one with this id. */
    default Optional<IndicatorRef> indicator(String initiativeId, long indicatorId) {
        return indicators(initiativeId).stream().filter(i -> i.id() == indicatorId).findFirst();
    }
}
