package org.civicbackbone.api.console;

import java.util.Objects;

/**
 * One page a module adds to the web console.
 *
 * @param id     the page's id, unique within its module ({@code indicators}); part of the page's address
 * @param title  what the console's navigation calls it ("Shared measurement")
 * @param script the address of the ES module that draws the page, under {@link ConsoleContribution#SCRIPTS}
 *               ({@code /console/modules/shared-measurement/indicators.js}, the contributing bundle's
 *               {@code console-pages/indicators.js}); it exports {@code render(element, context)}, described in
 *               {@code docs/plugin-guide.md}
 */
public record ConsolePage(String id, String title, String script) {

    public ConsolePage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (script == null || !script.startsWith(ConsoleContribution.SCRIPTS)) {
            throw new IllegalArgumentException("A console page's script is served under " + ConsoleContribution.SCRIPTS
                    + ": " + script);
        }
    }
}
