package org.civicbackbone.api.console;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Pages a function module adds to the web console, registered as a service by the module's own bundle. The console
 * lists a module's pages for the initiatives that use its function, as long as the service is registered: installing
 * or uninstalling the module adds or removes them while the console runs. The module serves the pages' scripts
 * itself, for example with
 * {@code @HttpWhiteboardResource(pattern = ConsoleContribution.SCRIPTS + "my-function/*", prefix = "/console-pages")}
 * on the contributing component and the scripts in its bundle's {@code console-pages/} folder.
 */
@ConsumerType
public interface ConsoleContribution {

    /** The address under which contributing bundles serve their pages' scripts. */
    String SCRIPTS = "/console/modules/";

    /** The function whose pages these are; the console shows them for the initiatives that use it. */
    String functionId();

    /** The pages, in the order the navigation lists them. */
    List<ConsolePage> pages();
}
