package org.civicbackbone.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.civicbackbone.api.console.WorkItem;
import org.civicbackbone.api.console.WorkItems;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.InitiativeAccess;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What waits for the person who is logged in, under {@code /api/v1/my-work}, across the initiatives they can see (the
 * web console's home page reads it): the proposals waiting for their vote, and what the installed modules have coming
 * up or needing attention ({@link WorkItems}); and both as a calendar for their calendar app.
 */
@Component(service = MyWorkResource.class)
@ApiResource
@Path(RestExtensions.API + "/my-work")
@Produces(MediaType.APPLICATION_JSON)
public class MyWorkResource {

    private static final Logger LOG = LoggerFactory.getLogger(MyWorkResource.class);

    /** One item of {@code my-work/items}: a module's {@link WorkItem} and the initiative and function it is of. */
    public record Item(String initiativeId, String initiative, String functionId, WorkItem.Kind kind, LocalDate when,
                       String what, boolean late, String page) {
    }

    /** Items coming up first, by day; then those needing attention; each by initiative. */
    static final Comparator<Item> ORDER = Comparator.comparing(Item::kind)
            .thenComparing(Item::when, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Item::initiative).thenComparing(Item::what);

    private final DecisionService decisions;
    private final InitiativeAccess access;
    private final InitiativeService initiatives;
    /**
     * The modules' items, as they are installed and uninstalled; each fetched only while a request reads it, never
     * while bound: it is a module's announcing component, which needs the module's service (ADR 0025).
     */
    private final List<ComponentServiceObjects<WorkItems>> modules = new CopyOnWriteArrayList<>();

    @Activate
    public MyWorkResource(@Reference DecisionService decisions, @Reference InitiativeAccess access,
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

    /**
     * What the installed modules have coming up or needing attention in each initiative this person can see that uses
     * them. A module that fails is left out (and logged), as its own pages would fail: the rest still answer.
     */
    @GET
    @Allow(Audience.LOGGED_IN)
    @Path("items")
    public List<Item> items(@Context SecurityContext security) {
        return itemsIn(visibleTo(security));
    }

    /** The initiatives this person can see. */
    private List<Initiative> visibleTo(SecurityContext security) {
        Set<String> visible = access.visible(security.getUserPrincipal().getName(),
                security.isUserInRole(AccessRules.ADMIN_ROLE));
        return initiatives.list().stream().filter(i -> visible.contains(i.id())).toList();
    }

    /** What the installed modules have in these initiatives, in the page's order. */
    private List<Item> itemsIn(List<Initiative> mine) {
        List<Item> items = new ArrayList<>();
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
    private static List<Item> itemsOf(WorkItems module, List<Initiative> using) {
        if (using.isEmpty()) {
            return List.of();
        }
        try {
            Map<String, List<WorkItem>> byInitiative = module.ofEach(using.stream().map(Initiative::id).toList());
            List<Item> items = new ArrayList<>();
            for (Initiative initiative : using) {
                byInitiative.getOrDefault(initiative.id(), List.of()).forEach(i -> items.add(new Item(initiative.id(),
                        initiative.name(), module.functionId(), i.kind(), i.when(), i.what(), i.late(), i.page())));
            }
            return items;
        } catch (RuntimeException e) {
            LOG.warn("The items of '{}' could not be read", module.functionId(), e);
            return List.of();
        }
    }

    /**
     * The days coming up of {@link #items} and when voting closes on each proposal of {@link #awaitingMyVote}, as an
     * iCalendar file that a calendar app imports or subscribes to (with the login's credentials), so that it reminds
     * the person of them.
     */
    @GET
    @Allow(Audience.LOGGED_IN)
    @Path("calendar")
    @Produces(WorkCalendar.MEDIA_TYPE)
    public Response calendar(@Context SecurityContext security, @Context UriInfo uri) {
        // the initiatives read once, for the items, the proposals and their names
        List<Initiative> mine = visibleTo(security);
        Map<String, String> names = mine.stream()
                .collect(Collectors.toMap(Initiative::id, Initiative::name, (a, b) -> a));
        String calendar = WorkCalendar.of(itemsIn(mine), decisions.awaitingVote(security.getUserPrincipal().getName())
                .stream().filter(p -> names.containsKey(p.initiativeId())).toList(), names,
                uri.getBaseUri().resolve("/console/"), Instant.now());
        return Response.ok(calendar, WorkCalendar.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"my-work.ics\"").build();
    }

    /** The open proposals whose open step counts this person's seat and has no vote of theirs yet. */
    @GET
    @Allow(Audience.LOGGED_IN)
    @Path("awaiting-my-vote")
    public List<Proposal> awaitingMyVote(@Context SecurityContext security) {
        String login = security.getUserPrincipal().getName();
        Set<String> visible = access.visible(login, security.isUserInRole(AccessRules.ADMIN_ROLE));
        return decisions.awaitingVote(login).stream().filter(p -> visible.contains(p.initiativeId())).toList();
    }
}
