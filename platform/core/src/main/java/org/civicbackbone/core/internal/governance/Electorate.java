package org.civicbackbone.core.internal.governance;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationName;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.core.internal.BodyRecords;
import org.civicbackbone.core.internal.OrganisationRecords;

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

    /** The same, read on the caller's connection (which may hold locks a second connection would wait for). */
    Beneficiary beneficiary(Connection c, String initiativeId, String name) {
        return name == null || name.isBlank() ? Beneficiary.NONE : new Beneficiary(name,
                store.mapper(c, OrganisationRecords.class).idByKey(initiativeId, OrganisationName.key(name)));
    }

    /**
     * The beneficiary as it is in the caller's transaction: its record held there, and followed to the organisation
     * kept when it was merged away since it was resolved.
     */
    Beneficiary held(Connection c, String initiativeId, Beneficiary beneficiary) {
        return beneficiary.organisationId() == null ? beneficiary : new Beneficiary(beneficiary.name(),
                organisations.hold(c, initiativeId, beneficiary.organisationId()).id());
    }

    /**
     * The seats of every body type now: each login seated on a sitting body of the type, once, marked conflicted when
     * it sits for the beneficiary. Two queries, whatever the number of steps asked about.
     */
    Map<String, List<Seat>> seatsNow(Connection c, String initiativeId, Beneficiary beneficiary) {
        BodyRecords records = store.mapper(c, BodyRecords.class);
        Map<Long, String> typeOfBody = records.sittingBodies(initiativeId).stream()
                .collect(Collectors.toMap(BodyRecords.BodyRow::id, BodyRecords.BodyRow::type));
        Map<String, Map<String, Seat>> byType = new LinkedHashMap<>();
        for (BodyRecords.SeatRow seat : records.heldSeats(initiativeId)) {
            String type = typeOfBody.get(seat.bodyId());
            if (type != null && seat.username() != null) {
                Membership m = seat.membership();
                byType.computeIfAbsent(type, t -> new LinkedHashMap<>()).putIfAbsent(m.username(),
                        new Seat(m.username(), m.organisation(), beneficiary.sitsFor(m)));
            }
        }
        Map<String, List<Seat>> seats = new LinkedHashMap<>();
        byType.forEach((type, byLogin) -> seats.put(type, List.copyOf(byLogin.values())));
        return seats;
    }

    /**
     * The seats of each of a new proposal's steps, read on the transaction that opens it; a 409 problem naming the
     * step when nobody could vote on it, or when everyone who could sits for the organisation that would benefit.
     */
    List<List<Seat>> seatsFor(Connection c, String initiativeId, String modelId, String decision,
                              List<ApprovalStep> steps, Beneficiary beneficiary) {
        Map<String, List<Seat>> now = seatsNow(c, initiativeId, beneficiary);
        return steps.stream().map(step -> {
            List<Seat> seats = now.getOrDefault(step.bodyType(), List.of());
            if (seats.isEmpty()) {
                throw new ProblemException(Problem.conflict(modelId + ": no member of a '" + step.bodyType()
                        + "' body can vote, so " + decision + " cannot be decided. Add the body and its members first."));
            }
            if (seats.stream().allMatch(Seat::conflicted)) {
                throw new ProblemException(Problem.conflict("Conflict of interest: every member of the '"
                        + step.bodyType() + "' who could vote belongs to '" + beneficiary.name() + "', which would "
                        + "benefit; the decision needs other approvers."));
            }
            return seats;
        }).toList();
    }
}
