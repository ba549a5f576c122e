package org.civicbackbone.api.console;

import java.util.List;
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
}
