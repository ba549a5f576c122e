package org.civicbackbone.measurement.internal;

import org.civicbackbone.api.console.ConsoleContribution;
import org.civicbackbone.api.console.FunctionPages;
import org.osgi.service.component.annotations.Component;

/**
 * The shared measurement page of the web console: indicators with their progress, a chart of each series with its
 * baseline and target, by partner or by a disaggregation. Its script is served from this bundle's
 * {@code console-pages/} folder, so it goes when the module goes.
 */
@Component(service = ConsoleContribution.class, property = {
        "osgi.http.whiteboard.resource.pattern=" + ConsoleContribution.SCRIPTS + SharedMeasurement.FUNCTION_ID + "/*",
        "osgi.http.whiteboard.resource.prefix=/console-pages"})
public class MeasurementConsolePages extends FunctionPages {

    public MeasurementConsolePages() {
        super(SharedMeasurement.FUNCTION_ID, "indicators", "Shared measurement");
    }
}
