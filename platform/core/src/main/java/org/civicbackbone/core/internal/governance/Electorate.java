package org.civicbackbone.core.internal.governance;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.core.internal.BodyRecords;

/**
 * Who votes on a proposal's steps: the logins seated on bodies of the step's type, each once, marked conflicted when
 * they sit for the organisation the proposal would benefit. Fixed when a proposal opens ({@link #seatsFor}), read in
 * the transaction that opens it, after the proposals' lock: a merge of organisations takes that lock first, so the
 * seats are read either before a merge (which then marks the seats it puts in conflict) or after it.
 */
record Electorate(BackboneStore store, OrganisationRegistry organisations) {

    /** The organisation a proposal names as beneficiary, with its registry record when there is one. */
    Beneficiary beneficiary(String initiativeId, String name) {
        return name == null || name.isBlank() ? Beneficiary.NONE : new Beneficiary(name,
                organisations.resolve(initiativeId, name).map(Organisation::id).orElse(null));
    }

    /**
     * The beneficiary as it is in the caller's transaction: its record held there, and followed to the organisation
     * kept when it was merged away since it was resolved.
     */
    Beneficiary held(Connection c, String initiativeId, Beneficiary beneficiary) {
        return beneficiary.organisationId() == null ? beneficiary : new Beneficiary(beneficiary.name(),
                organisations.hold(c, initiativeId, beneficiary.organisationId()).id());
    }

    /** Every login seated on a sitting body of the type now, each once, conflicted or not. */
    private List<Membership> seated(Connection c, String initiativeId, String bodyType) {
        BodyRecords records = store.mapper(c, BodyRecords.class);
        Set<Long> bodyIds = records.sittingBodies(initiativeId).stream().filter(b -> b.type().equals(bodyType))
                .map(BodyRecords.BodyRow::id).collect(Collectors.toSet());
        Map<String, Membership> byLogin = new LinkedHashMap<>();
        for (BodyRecords.SeatRow seat : records.heldSeats(initiativeId)) {
            if (bodyIds.contains(seat.bodyId()) && seat.username() != null) {
                byLogin.putIfAbsent(seat.username(), seat.membership());
            }
        }
        return List.copyOf(byLogin.values());
    }

    /** The seats of a step as they are now, each marked conflicted if it sits for the beneficiary. */
    List<Seat> seatsNow(String initiativeId, String bodyType, Beneficiary beneficiary) {
        return store.read(c -> seatsNow(c, initiativeId, bodyType, beneficiary));
    }

    private List<Seat> seatsNow(Connection c, String initiativeId, String bodyType, Beneficiary beneficiary) {
        return seated(c, initiativeId, bodyType).stream()
                .map(m -> new Seat(m.username(), m.organisation(), beneficiary.sitsFor(m))).toList();
    }

    /**
     * The seats of a new proposal's steps, read on the transaction that opens it; a 409 problem naming the step when
     * nobody could vote on it, or when everyone who could sits for the organisation that would benefit.
     */
    List<Seat> seatsFor(Connection c, String initiativeId, String modelId, String decision, ApprovalStep step,
                        Beneficiary beneficiary) {
        List<Seat> seats = seatsNow(c, initiativeId, step.bodyType(), beneficiary);
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
