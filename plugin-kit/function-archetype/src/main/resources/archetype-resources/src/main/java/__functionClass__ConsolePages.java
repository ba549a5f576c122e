package ${package};

import org.civicbackbone.api.console.ConsoleContribution;
import org.civicbackbone.api.console.FunctionPages;
import org.osgi.service.component.annotations.Component;

/**
 * The function's page in the web console. Its script, {@code src/main/resources/console-pages/notes.js}, is served
 * by this bundle (the two whiteboard properties below), so the page comes and goes with the plugin.
 */
@Component(service = ConsoleContribution.class, property = {
        "osgi.http.whiteboard.resource.pattern=" + ConsoleContribution.SCRIPTS + ${functionClass}Notes.FUNCTION_ID + "/*",
        "osgi.http.whiteboard.resource.prefix=/console-pages"})
public class ${functionClass}ConsolePages extends FunctionPages {

    public ${functionClass}ConsolePages() {
        super(${functionClass}Notes.FUNCTION_ID, "notes", "${functionName}");
    }
}
