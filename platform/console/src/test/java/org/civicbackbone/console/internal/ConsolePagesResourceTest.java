package org.civicbackbone.console.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.civicbackbone.api.console.ConsoleContribution;
import org.civicbackbone.api.console.FunctionPages;
import org.junit.Test;

/** The console lists the pages of the contributions registered now, by function, in each function's own order. */
public class ConsolePagesResourceTest {

    private static final class Pages extends FunctionPages {
        Pages(String functionId, String... idsAndTitles) {
            super(functionId, idsAndTitles);
        }
    }

    @Test
    public void pagesOfTheRegisteredContributionsByFunction() {
        ContributedPages contributed = new ContributedPages();
        ConsolePagesResource resource = new ConsolePagesResource(contributed);
        ConsoleContribution policy = new Pages("policy", "items", "Policy", "stances", "Stances");
        ConsoleContribution measurement = new Pages("shared-measurement", "indicators", "Shared measurement");
        contributed.add(policy, null);
        contributed.add(measurement, null);
        assertEquals(List.of(
                new ContributedPages.ContributedPage("policy", "items", "Policy", "/console/modules/policy/items.js"),
                new ContributedPages.ContributedPage("policy", "stances", "Stances",
                        "/console/modules/policy/stances.js"),
                new ContributedPages.ContributedPage("shared-measurement", "indicators", "Shared measurement",
                        "/console/modules/shared-measurement/indicators.js")), resource.pages());
        contributed.removeContribution(policy);
        assertEquals(List.of("shared-measurement"),
                resource.pages().stream().map(ContributedPages.ContributedPage::functionId).toList());
    }

    @Test
    public void onlyScriptFilesOfARegisteredContributionAreServed() {
        ContributedPages contributed = new ContributedPages();
        contributed.add(new Pages("policy", "items", "Policy"), null);
        for (String file : List.of("../MANIFEST.MF", "items.css", ".js", "a/b.js", "items.js")) {
            assertEquals(file, java.util.Optional.empty(), contributed.script("policy", file));
        }
        assertEquals(java.util.Optional.empty(), contributed.script("resources", "items.js"));
    }

    /** Every file of the console's folder is served (a script left out breaks the imports of those that use it). */
    @Test
    public void onlyTheConsolesOwnFilesAreServed() throws java.io.IOException {
        List<String> folder;
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(
                java.nio.file.Path.of("src/main/resources/console"))) {
            folder = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("admin.js", "app.js", "charts.js", "favicon.svg", "governance.js", "index.html", "kit.js",
                "people.js", "setup.js", "shell.js", "style.css", "words.js"), folder);
        assertEquals(folder, java.util.stream.Stream.concat(ConsoleAssets.FILES.keySet().stream(),
                ConsoleAssets.SCRIPTS.stream()).sorted().toList());
    }
}
