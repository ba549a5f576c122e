package org.civicbackbone.api.console;

import java.util.Arrays;
import java.util.List;

/**
 * The console pages of one function, each drawn by the script {@code console-pages/<page id>.js} of the bundle that
 * registers it. A module's contribution is then one class:
 *
 * <pre>{@code
 * @Component(service = ConsoleContribution.class)
 * public class MyConsolePages extends FunctionPages {
 *     public MyConsolePages() { super("my-function", "notes", "My function"); }
 * }
 * }</pre>
 */
public abstract class FunctionPages implements ConsoleContribution {

    private final String functionId;
    private final List<ConsolePage> pages;

    /**
     * @param functionId  the function
     * @param idsAndTitles each page's id then its title, in navigation order
     */
    protected FunctionPages(String functionId, String... idsAndTitles) {
        if (idsAndTitles.length == 0 || idsAndTitles.length % 2 != 0) {
            throw new IllegalArgumentException("Pages come as id, title pairs: " + Arrays.toString(idsAndTitles));
        }
        this.functionId = functionId;
        ConsolePage[] named = new ConsolePage[idsAndTitles.length / 2];
        for (int i = 0; i < named.length; i++) {
            String id = idsAndTitles[2 * i];
            named[i] = new ConsolePage(id, idsAndTitles[2 * i + 1], SCRIPTS + functionId + "/" + id + ".js");
        }
        this.pages = List.of(named);
    }

    @Override
    public final String functionId() {
        return functionId;
    }

    @Override
    public final List<ConsolePage> pages() {
        return pages;
    }
}
