package org.civicbackbone.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.civicbackbone.api.console.InitiativeWorkItem;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What waits for the person who is logged in, under {@code /api/v1/my-work}, across the initiatives they can see (the
 * web console's home page reads it): the proposals waiting for their vote, and what the installed modules have coming
 * up or needing attention ({@link org.civicbackbone.api.console.WorkItems}); and both as a calendar for their
 * calendar app. What it tells comes from {@link ModulesWork}, as the e-mail digest's does.
 */
@Component(service = MyWorkResource.class)
@ApiResource
@Path(RestExtensions.API + "/my-work")
@Produces(MediaType.APPLICATION_JSON)
public class MyWorkResource {

    private final ModulesWork work;

    @Activate
    public MyWorkResource(@Reference ModulesWork work) {
        this.work = work;
    }

    /**
     * What the installed modules have coming up or needing attention in each initiative this person can see that uses
     * them. A module that fails is left out (and logged), as its own pages would fail: the rest still answer.
     */
    @GET
    @Allow(Audience.LOGGED_IN)
    @Path("items")
    public List<InitiativeWorkItem> items(@Context SecurityContext security) {
        return work.items(security.getUserPrincipal().getName(), security.isUserInRole(AccessRules.ADMIN_ROLE));
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
        List<Initiative> mine = work.visibleTo(security.getUserPrincipal().getName(),
                security.isUserInRole(AccessRules.ADMIN_ROLE));
        Map<String, String> names = mine.stream()
                .collect(Collectors.toMap(Initiative::id, Initiative::name, (a, b) -> a));
        String calendar = WorkCalendar.of(work.itemsIn(mine), work.awaitingVoteIn(security.getUserPrincipal().getName(),
                        names.keySet()), names,
                uri.getBaseUri().resolve("/console/"), Instant.now());
        return Response.ok(calendar, WorkCalendar.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"my-work.ics\"").build();
    }

    /** The open proposals whose open step counts this person's seat and has no vote of theirs yet. */
    @GET
    @Allow(Audience.LOGGED_IN)
    @Path("awaiting-my-vote")
    public List<Proposal> awaitingMyVote(@Context SecurityContext security) {
        return work.awaitingVote(security.getUserPrincipal().getName(), security.isUserInRole(AccessRules.ADMIN_ROLE));
    }
}
