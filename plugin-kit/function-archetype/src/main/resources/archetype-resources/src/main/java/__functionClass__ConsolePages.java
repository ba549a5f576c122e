package ${package};

import org.civicbackbone.api.console.ConsoleContribution;
import org.civicbackbone.api.console.FunctionPages;
import org.osgi.service.component.annotations.Component;

/**
 * The function's page in the web console. The console serves its script,
 * {@code src/main/resources/console-pages/notes.js}, from this bundle while the plugin is installed.
 */
@Component(service = ConsoleContribution.class)
public class ${functionClass}ConsolePages extends FunctionPages {
    public ${functionClass}ConsolePages() { super(${functionClass}Notes.FUNCTION_ID, "notes", "${functionName}"); }
}
