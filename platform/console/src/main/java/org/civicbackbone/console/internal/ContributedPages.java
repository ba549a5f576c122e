package org.civicbackbone.console.internal;

import java.net.URL;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.civicbackbone.api.console.ConsoleContribution;
import org.civicbackbone.api.console.ConsolePage;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The pages that the modules registered now contribute, and their scripts: each read from the {@code console-pages/}
 * folder of the bundle that registered the contribution, so a page and its script go with their module.
 */
@Component(service = ContributedPages.class)
public class ContributedPages {

    /** Where in a contributing bundle the console finds its page scripts. */
    static final String FOLDER = "console-pages/";

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

    private record Contributor(ConsoleContribution contribution, Bundle bundle) {
    }

    private final Map<ConsoleContribution, Contributor> contributors = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContribution(ConsoleContribution contribution, ServiceReference<ConsoleContribution> reference) {
        add(contribution, reference.getBundle());
    }

    /** A contribution and the bundle its scripts are read from. */
    void add(ConsoleContribution contribution, Bundle bundle) {
        contributors.put(contribution, new Contributor(contribution, bundle));
    }

    void removeContribution(ConsoleContribution contribution) {
        contributors.remove(contribution);
    }

    /** Every page of the contributions, by function id, each function's pages in its own order. */
    List<ContributedPage> pages() {
        return contributors.keySet().stream().sorted(Comparator.comparing(ConsoleContribution::functionId))
                .flatMap(c -> c.pages().stream().map((ConsolePage p) ->
                        new ContributedPage(c.functionId(), p.id(), p.title(), p.script())))
                .toList();
    }

    /**
     * A script of a function's pages: a {@code .js} file directly in the contributing bundle's {@value #FOLDER}
     * folder, while the contribution is registered; empty otherwise.
     */
    Optional<URL> script(String functionId, String file) {
        if (!file.matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.js") || file.contains("..")) {
            return Optional.empty();
        }
        return contributors.values().stream().filter(c -> c.contribution().functionId().equals(functionId))
                .map(c -> c.bundle() == null ? null : c.bundle().getEntry(FOLDER + file))
                .filter(java.util.Objects::nonNull).findFirst();
    }
}
