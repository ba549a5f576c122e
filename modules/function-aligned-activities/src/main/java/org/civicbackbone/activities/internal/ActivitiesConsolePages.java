package org.civicbackbone.activities.internal;

import org.civicbackbone.api.console.ConsoleContribution;
import org.civicbackbone.api.console.FunctionPages;
import org.osgi.service.component.annotations.Component;

/**
 * The joint plan's page of the web console: activities, working groups, meetings. Its script is in {@code console-
 * pages/}.
 */
@Component(service = ConsoleContribution.class)
public class ActivitiesConsolePages extends FunctionPages {
    public ActivitiesConsolePages() { super(AlignedActivities.FUNCTION_ID, "plan", "Joint plan"); }
}
