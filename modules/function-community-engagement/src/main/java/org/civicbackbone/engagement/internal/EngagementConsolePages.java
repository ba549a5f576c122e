package org.civicbackbone.engagement.internal;

import org.civicbackbone.api.console.ConsoleContribution;
import org.civicbackbone.api.console.FunctionPages;
import org.osgi.service.component.annotations.Component;

/**
 * The community engagement page of the web console: communications, statements, events. Its script is in {@code
 * console-pages/}.
 */
@Component(service = ConsoleContribution.class)
public class EngagementConsolePages extends FunctionPages {
    public EngagementConsolePages() { super(CommunityEngagement.FUNCTION_ID, "engagement", "Community engagement"); }
}
