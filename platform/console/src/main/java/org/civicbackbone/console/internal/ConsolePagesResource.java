package org.civicbackbone.console.internal;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.civicbackbone.api.console.ConsoleContribution;
import org.civicbackbone.api.console.ConsolePage;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The pages installed modules add to the console, at {@code /api/v1/console/pages}: read on every visit of the
 * console, so a module installed or uninstalled a moment ago shows or hides its pages without a reload of anything.
 */
@Component(service = ConsolePagesResource.class)
@ApiResource
@Path(RestExtensions.API + "/console/pages")
@Produces(MediaType.APPLICATION_JSON)
public class ConsolePagesResource {

    /**
     * One contributed page.
     *
     * @param functionId the function it belongs to; shown for the initiatives that use it
     * @param id         the page id within the function
     * @param title      its name in the navigation
     * @param script     the address of its ES module
     */
    public record ContributedPage(String functionId, String id, String title, String script) {
    }

    private final List<ConsoleContribution> contributions = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContribution(ConsoleContribution contribution) {
        contributions.add(contribution);
    }

    void removeContribution(ConsoleContribution contribution) {
        contributions.remove(contribution);
    }

    @GET
    @Allow(Audience.LOGGED_IN)
    public List<ContributedPage> pages() {
        return pagesOf(contributions);
    }

    /** Every page of the contributions, by function id, each function's pages in its own order. */
    static List<ContributedPage> pagesOf(List<ConsoleContribution> contributions) {
        return contributions.stream().sorted(Comparator.comparing(ConsoleContribution::functionId))
                .flatMap(c -> c.pages().stream().map((ConsolePage p) ->
                        new ContributedPage(c.functionId(), p.id(), p.title(), p.script())))
                .toList();
    }
}
