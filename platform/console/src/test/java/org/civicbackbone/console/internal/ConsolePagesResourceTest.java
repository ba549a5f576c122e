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
        ConsolePagesResource resource = new ConsolePagesResource();
        ConsoleContribution policy = new Pages("policy", "items", "Policy", "stances", "Stances");
        ConsoleContribution measurement = new Pages("shared-measurement", "indicators", "Shared measurement");
        resource.addContribution(policy);
        resource.addContribution(measurement);
        assertEquals(List.of(
                new ConsolePagesResource.ContributedPage("policy", "items", "Policy", "/console/modules/policy/items.js"),
                new ConsolePagesResource.ContributedPage("policy", "stances", "Stances",
                        "/console/modules/policy/stances.js"),
                new ConsolePagesResource.ContributedPage("shared-measurement", "indicators", "Shared measurement",
                        "/console/modules/shared-measurement/indicators.js")), resource.pages());
        resource.removeContribution(policy);
        assertEquals(List.of("shared-measurement"),
                resource.pages().stream().map(ConsolePagesResource.ContributedPage::functionId).toList());
    }

    @Test
    public void onlyTheConsolesOwnFilesAreServed() {
        assertEquals(List.of("app.js", "favicon.svg", "index.html", "kit.js", "style.css"),
                ConsoleAssets.FILES.keySet().stream().sorted().toList());
    }
}
