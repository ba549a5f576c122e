package org.civicbackbone.rest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.civicbackbone.api.console.InitiativeWorkItem;
import org.civicbackbone.api.console.PersonalWork;
import org.civicbackbone.api.console.WorkItem;
import org.civicbackbone.api.console.WorkItems;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.InitiativeAccess;
import org.civicbackbone.api.initiative.InitiativeService;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What waits for a person, gathered from the installed modules' {@link WorkItems} and the decision log: one place that
 * the "My work" page, its calendar and the e-mail digest read, so that they tell the same things.
 */
@Component(service = {PersonalWork.class, ModulesWork.class})
public class ModulesWork implements PersonalWork {

    private static final Logger LOG = LoggerFactory.getLogger(ModulesWork.class);

    /** Items coming up first, by day; then those needing attention; each by initiative. */
    static final Comparator<InitiativeWorkItem> ORDER = Comparator.comparing(InitiativeWorkItem::kind)
            .thenComparing(InitiativeWorkItem::when, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(InitiativeWorkItem::initiative).thenComparing(InitiativeWorkItem::what);

    private final DecisionService decisions;
    private final InitiativeAccess access;
    private final InitiativeService initiatives;
    /**
     * The modules' items, as they are installed and uninstalled; each fetched only while it is read, never while
     * bound: it is a module's announcing component, which needs the module's service (ADR 0025).
     */
    private final List<ComponentServiceObjects<WorkItems>> modules = new CopyOnWriteArrayList<>();

    @Activate
    public ModulesWork(@Reference DecisionService decisions, @Reference InitiativeAccess access,
                       @Reference InitiativeService initiatives) {
        this.decisions = decisions;
        this.access = access;
        this.initiatives = initiatives;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, service = WorkItems.class)
    void bindWorkItems(ComponentServiceObjects<WorkItems> items) {
        modules.add(items);
    }

    void unbindWorkItems(ComponentServiceObjects<WorkItems> items) {
        modules.remove(items);
    }

    @Override
    public List<InitiativeWorkItem> items(String login, boolean platformAdmin) {
        return itemsIn(visibleTo(login, platformAdmin));
    }

    @Override
    public List<Proposal> awaitingVote(String login, boolean platformAdmin) {
        return awaitingVoteIn(login, access.visible(login, platformAdmin));
    }

    /** The proposals waiting for the login's vote in these initiatives (those it can see, already read). */
    List<Proposal> awaitingVoteIn(String login, Set<String> initiativeIds) {
        return decisions.awaitingVote(login).stream().filter(p -> initiativeIds.contains(p.initiativeId())).toList();
    }

    /** The initiatives this login can see. */
    List<Initiative> visibleTo(String login, boolean platformAdmin) {
        Set<String> visible = access.visible(login, platformAdmin);
        return initiatives.list().stream().filter(i -> visible.contains(i.id())).toList();
    }

    /** What the installed modules have in these initiatives, in the page's order. */
    List<InitiativeWorkItem> itemsIn(List<Initiative> mine) {
        List<InitiativeWorkItem> items = new ArrayList<>();
        for (ComponentServiceObjects<WorkItems> objects : modules) {
            WorkItems module = objects.getService(); // null while the module's component is failing: nothing of it
            if (module == null) {
                continue;
            }
            try {
                items.addAll(itemsOf(module, mine.stream().filter(i -> i.uses(module.functionId())).toList()));
            } finally {
                objects.ungetService(module);
            }
        }
        items.sort(ORDER);
        return items;
    }

    /** One module's items in these initiatives, asked for all of them at once (one read, not one per initiative). */
    private static List<InitiativeWorkItem> itemsOf(WorkItems module, List<Initiative> using) {
        if (using.isEmpty()) {
            return List.of();
        }
        try {
            Map<String, List<WorkItem>> byInitiative = module.ofEach(using.stream().map(Initiative::id).toList());
            List<InitiativeWorkItem> items = new ArrayList<>();
            for (Initiative initiative : using) {
                byInitiative.getOrDefault(initiative.id(), List.of()).forEach(i -> items.add(new InitiativeWorkItem(
                        initiative.id(), initiative.name(), module.functionId(), i.kind(), i.when(), i.what(),
                        i.late(), i.page())));
            }
            return items;
        } catch (RuntimeException e) {
            LOG.warn("The items of '{}' could not be read", module.functionId(), e);
            return List.of();
        }
    }
}
