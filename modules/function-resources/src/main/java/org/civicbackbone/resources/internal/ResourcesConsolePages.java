package org.civicbackbone.resources.internal;

import org.civicbackbone.api.console.ConsoleContribution;
import org.civicbackbone.api.console.FunctionPages;
import org.osgi.service.component.annotations.Component;

/**
 * The resources page of the web console: money in and out, funders, grants, deadlines, allocations. Its script is in
 * {@code console-pages/}.
 */
@Component(service = ConsoleContribution.class)
public class ResourcesConsolePages extends FunctionPages {
    public ResourcesConsolePages() { super(Resources.FUNCTION_ID, "funding", "Resources"); }
}
