package org.civicbackbone.api.console;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Pages a function module adds to the web console, registered as a service by the module's own bundle. The console
 * lists a module's pages for the initiatives that use its function, and serves their scripts from the
 * {@code console-pages/} folder of the bundle that registered the service, as long as it is registered: installing
 * or uninstalling the module adds or removes them while the console runs. {@link FunctionPages} is the usual way to
 * write one.
 */
@ConsumerType
public interface ConsoleContribution {

    /**
     * The address under which the console serves the contributing bundles' page scripts: {@code SCRIPTS +
     * "<function id>/<file>.js"} is the file {@code console-pages/<file>.js} of the bundle contributing that function.
     */
    String SCRIPTS = "/console/modules/";

    /** The function whose pages these are; the console shows them for the initiatives that use it. */
    String functionId();

    /** The pages, in the order the navigation lists them. */
    List<ConsolePage> pages();
}
