package org.civicbackbone.policy.internal;

import org.civicbackbone.api.console.ConsoleContribution;
import org.civicbackbone.api.console.FunctionPages;
import org.osgi.service.component.annotations.Component;

/** The policy page of the web console: policy items, stances, outcomes. Its script is in {@code console-pages/}. */
@Component(service = ConsoleContribution.class)
public class PolicyConsolePages extends FunctionPages {
    public PolicyConsolePages() { super(Policy.FUNCTION_ID, "policy", "Policy"); }
}
