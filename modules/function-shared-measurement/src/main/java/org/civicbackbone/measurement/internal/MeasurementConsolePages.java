package org.civicbackbone.measurement.internal;

import org.civicbackbone.api.console.ConsoleContribution;
import org.civicbackbone.api.console.FunctionPages;
import org.osgi.service.component.annotations.Component;

/**
 * The shared measurement page of the web console: indicators with their progress, a chart of each series with its
 * baseline and target, by partner or by a disaggregation. Its script is
 * {@code console-pages/indicators.js}.
 */
@Component(service = ConsoleContribution.class)
public class MeasurementConsolePages extends FunctionPages {
    public MeasurementConsolePages() { super(SharedMeasurement.FUNCTION_ID, "indicators", "Shared measurement"); }
}
