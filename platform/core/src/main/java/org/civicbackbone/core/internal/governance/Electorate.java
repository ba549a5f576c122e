package org.civicbackbone.core.internal.governance;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;

/**
 * Who votes on a proposal's steps: the logins seated on bodies of the step's type, each once, marked conflicted when
 * they sit for the organisation the proposal would benefit. Fixed when a proposal opens ({@link #seatsFor}).
 */
record Electorate(InitiativeService initiatives, OrganisationRegistry organisations) {

    /** The organisation a proposal names as beneficiary, with its registry record when there is one. */
    Beneficiary beneficiary(String initiativeId, String name) {
        return name == null || name.isBlank() ? Beneficiary.NONE : new Beneficiary(name,
                organisations.resolve(initiativeId, name).map(Organisation::id).orElse(null));
    }

    /** Every login seated on a body of the type now, each once, conflicted or not. */
    private List<Membership> seated(String initiativeId, String bodyType) {
        Set<Long> bodyIds = new LinkedHashSet<>();
        initiatives.bodies(initiativeId).stream().filter(b -> b.type().equals(bodyType)).forEach(b -> bodyIds.add(b.id()));
        Map<String, Membership> byLogin = new LinkedHashMap<>();
        for (Membership m : initiatives.members(initiativeId)) {
            if (bodyIds.contains(m.bodyId()) && m.username() != null) {
                byLogin.putIfAbsent(m.username(), m);
            }
        }
        return List.copyOf(byLogin.values());
    }

    /** The seats of a step as they are now, each marked conflicted if it sits for the beneficiary. */
    List<Seat> seatsNow(String initiativeId, String bodyType, Beneficiary beneficiary) {
        return seated(initiativeId, bodyType).stream()
                .map(m -> new Seat(m.username(), m.organisation(), beneficiary.sitsFor(m))).toList();
    }

    /**
     * The seats of a new proposal's steps; a 409 problem naming the step when nobody could vote on it, or when
     * everyone who could sits for the organisation that would benefit.
     */
    List<Seat> seatsFor(String initiativeId, String modelId, String decision, ApprovalStep step, Beneficiary beneficiary) {
        List<Seat> seats = seatsNow(initiativeId, step.bodyType(), beneficiary);
        if (seats.isEmpty()) {
            throw new ProblemException(Problem.conflict(modelId + ": no member of a '" + step.bodyType()
                    + "' body can vote, so " + decision + " cannot be decided. Add the body and its members first."));
        }
        if (seats.stream().allMatch(Seat::conflicted)) {
            throw new ProblemException(Problem.conflict("Conflict of interest: every member of the '" + step.bodyType()
                    + "' who could vote belongs to '" + beneficiary.name() + "', which would benefit; the decision "
                    + "needs other approvers."));
        }
        return seats;
    }
}
