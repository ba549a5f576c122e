package org.civicbackbone.api.console;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a function module puts on the web console's "My work" page for an initiative that uses it: days coming up
 * (a report due to a funder, a meeting) and things that need attention now (an indicator off track). Registered as a
 * service by the module's own bundle; {@code GET /api/v1/my-work/items} gathers the items of every module installed
 * across the initiatives the person logged in has a role in, so the page asks once, whichever modules are installed,
 * instead of knowing each module's addresses and asking each once per initiative.
 */
@ConsumerType
public interface WorkItems {

    /** The function whose items these are; asked only for the initiatives that use it. */
    String functionId();

    /**
     * The items of one initiative that uses the function. What they tell must be readable by anyone with a role in
     * the initiative (the readers of the module's own overview): the platform asks only for those initiatives.
     */
    List<WorkItem> of(String initiativeId);

    /**
     * The items of several initiatives that use the function, by initiative id (an initiative with none may be left
     * out): the platform asks once per request with every initiative the person has a role in, so that the page costs
     * one read per module however many initiatives there are. This default asks {@link #of(String)} for each; a module
     * whose items come from its database overrides it with one query over all of them.
     *
     * @param initiativeIds initiatives that use the function, each readable by the person asking
     * @since 1.2
     */
    default Map<String, List<WorkItem>> ofEach(Collection<String> initiativeIds) {
        Map<String, List<WorkItem>> items = new LinkedHashMap<>();
        initiativeIds.forEach(id -> items.put(id, of(id)));
        return items;
    }
}
