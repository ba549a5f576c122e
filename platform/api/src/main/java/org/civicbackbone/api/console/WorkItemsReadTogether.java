package org.civicbackbone.api.console;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * {@link WorkItems} whose items come from one read over all the initiatives asked for: the module writes
 * {@link #ofEach} alone, and the items of one initiative are read the same way, as one of one.
 *
 * @since 1.3
 */
@ConsumerType
public interface WorkItemsReadTogether extends WorkItems {

    /** The items of several initiatives, by initiative id, from one read; an initiative with none may be left out. */
    @Override
    Map<String, List<WorkItem>> ofEach(Collection<String> initiativeIds);

    /** The items of one initiative: {@link #ofEach} asked for it alone. */
    @Override
    default List<WorkItem> of(String initiativeId) {
        return ofEach(List.of(initiativeId)).getOrDefault(initiativeId, List.of());
    }
}
