package org.civicbackbone.vision.internal;

import org.civicbackbone.api.console.ConsoleContribution;
import org.civicbackbone.api.console.FunctionPages;
import org.osgi.service.component.annotations.Component;

/**
 * The common agenda's page of the web console: versions, goals, adoption. Its script is in {@code console-pages/}.
 */
@Component(service = ConsoleContribution.class)
public class VisionConsolePages extends FunctionPages {
    public VisionConsolePages() { super(VisionStrategy.FUNCTION_ID, "agenda", "Common agenda"); }
}
