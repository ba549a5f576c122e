package org.civicbackbone.core.internal;

import java.util.List;
import org.civicbackbone.api.initiative.BodySpec;
import org.civicbackbone.api.initiative.GovernanceBody;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;

/**
 * The backbone team's rule: a seat on it is a hire, which only an approved proposal makes (the structure model
 * decides who approves), since a seat there grants staff access. Checked by {@link BodySeats} inside the transaction
 * that writes, under the initiative's seats lock, so that no caller of the core's service and no change of a body's
 * type in between gets past it. The core's own hire seats people through {@code seatOnce}, which is not checked.
 */
public final class BackboneTeam {

    /** The body type whose seats grant staff access (the hire seats its person on a body of this type). */
    public static final String TYPE = "backbone-team";

    private BackboneTeam() {
    }

    /** A seat on the team added or changed by hand is refused (409): it is a hire, proposed at {@code .../staff}. */
    static void refuseSeatByHand(String initiativeId, GovernanceBody body) {
        if (TYPE.equals(body.type())) {
            throw new ProblemException(Problem.conflict("A seat on the backbone team is a hire, which '" + initiativeId
                    + "' decides under its structure model: propose it at /api/v1/initiatives/" + initiativeId
                    + "/staff."));
        }
    }

    /**
     * A body with sitting seats does not become the team (409 naming {@code type}): its members would be staff that no
     * hire made. An empty body may; so may the team become another type.
     */
    static void refuseBecomingTeam(GovernanceBody before, BodySpec spec, int sittingSeats) {
        if (!TYPE.equals(before.type()) && TYPE.equals(spec.type()) && sittingSeats > 0) {
            String why = "would make the " + sittingSeats + " member(s) of '" + before.name() + "' backbone staff that "
                    + "no hire decided; retire their seats first and propose each hire";
            throw new ProblemException(Problem.conflict("Body " + before.id() + " " + why + ".",
                    List.of(new Violation("type", why))));
        }
    }
}
