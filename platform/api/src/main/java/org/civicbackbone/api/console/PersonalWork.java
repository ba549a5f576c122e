package org.civicbackbone.api.console;

import java.util.List;
import org.civicbackbone.api.decision.Proposal;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What waits for one person across the initiatives they can see: what the installed modules have coming up or needing
 * attention ({@link WorkItems}), and the proposals waiting for their vote. The web console's "My work" page, the
 * calendar a calendar app subscribes to and the daily e-mail digest all read it, so that they tell the same things.
 *
 * @since 1.4
 */
@ProviderType
public interface PersonalWork {

    /**
     * The modules' items in each initiative the login can see that uses them: days coming up first, by day, then what
     * needs attention; each by initiative. A module that fails is left out (and logged); the rest still answer.
     *
     * @param login         the login the person signs in with
     * @param platformAdmin whether the login is a platform admin's, who sees every initiative
     */
    List<InitiativeWorkItem> items(String login, boolean platformAdmin);

    /**
     * The open proposals, in the initiatives the login can see, whose open step counts the login's seat and has no
     * vote of it yet.
     */
    List<Proposal> awaitingVote(String login, boolean platformAdmin);
}
