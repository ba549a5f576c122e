package org.civicbackbone.rest.internal;

import java.util.List;
import java.util.Set;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.initiative.InitiativeAccess;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What waits for the person who is logged in, under {@code /api/v1/my-work}: the proposals waiting for their vote,
 * across the initiatives they can see (the web console's home page reads it).
 */
@Component(service = MyWorkResource.class)
@ApiResource
@Path(RestExtensions.API + "/my-work")
@Produces(MediaType.APPLICATION_JSON)
public class MyWorkResource {

    private final DecisionService decisions;
    private final InitiativeAccess access;

    @Activate
    public MyWorkResource(@Reference DecisionService decisions, @Reference InitiativeAccess access) {
        this.decisions = decisions;
        this.access = access;
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
