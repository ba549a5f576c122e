package org.civicbackbone.core.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.initiative.BodySpec;
import org.civicbackbone.api.initiative.GovernanceBody;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.initiative.MembershipSpec;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.Person;
import org.civicbackbone.api.initiative.SameName;
import org.civicbackbone.api.module.BodyRequirement;
import org.civicbackbone.api.module.ModuleCatalogue;
import org.civicbackbone.api.module.StructureModel;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.core.internal.BodyRecords.BodyRow;
import org.civicbackbone.core.internal.BodyRecords.SeatRow;
import org.civicbackbone.core.internal.InitiativeRecords.InitiativeRow;

/**
 * The rules of governance bodies and their seats, on the caller's connection: body types checked against the
 * structure model, seats pointing to the organisation registry, and retirement instead of deletion so that every
 * decision stays explained by who sat where when it was taken.
 */
record BodySeats(BackboneStore store, AuditLog audit, ModuleCatalogue catalogue, JdbcOrganisationRegistry organisations,
                 JdbcPersonRegistry people) {

    /** Body types the platform itself gives meaning to (seats on them grant staff, partner and observer access). */
    static final List<String> PLATFORM_TYPES = List.of(BackboneTeam.TYPE, "partners", "observers");


    private BodyRecords records(Connection c) {
        return store.mapper(c, BodyRecords.class);
    }

    List<GovernanceBody> bodies(Connection c, String initiativeId) {
        initiative(c, initiativeId);
        return records(c).sittingBodies(initiativeId).stream().map(BodyRow::body).toList();
    }

    /** Adds a body; {@code checked} false for the core's own bodies (a hire's team, the demo), whose types it knows. */
    GovernanceBody addBody(Connection c, String initiativeId, BodySpec spec, String actor, boolean checked) {
        store.holdUntilCommit(c, CoreSchema.seatsLock(initiativeId));
        InitiativeRow initiative = initiative(c, initiativeId);
        if (checked) {
            checkType(initiative, spec);
            refuseNamesake(c, initiativeId, spec.name(), 0);
        }
        GeneratedKey key = new GeneratedKey();
        records(c).insertBody(key, initiativeId, spec.type(), spec.name().strip(), spec.declaredCustom());
        audit.record(c, actor, initiativeId, CoreSchema.MODULE, "body.create", spec.type() + " '" + spec.name().strip()
                + "'" + (spec.declaredCustom() ? " (custom type)" : ""));
        return records(c).body(initiativeId, key.id()).body();
    }

    GovernanceBody updateBody(Connection c, String initiativeId, long bodyId, BodySpec spec, String actor) {
        store.holdUntilCommit(c, CoreSchema.seatsLock(initiativeId));
        GovernanceBody before = sittingBody(c, initiativeId, bodyId);
        checkType(initiative(c, initiativeId), spec);
        BackboneTeam.refuseBecomingTeam(before, spec, records(c).heldSeatsOf(bodyId).size());
        refuseNamesake(c, initiativeId, spec.name(), bodyId);
        records(c).updateBody(bodyId, spec.type(), spec.name().strip(), spec.declaredCustom());
        audit.record(c, actor, initiativeId, CoreSchema.MODULE, "body.update", "body " + bodyId + " " + before.type()
                + " '" + before.name() + "' is now " + spec.type() + " '" + spec.name().strip() + "'");
        return records(c).body(initiativeId, bodyId).body();
    }

    /**
     * A sitting body's name is its own in the initiative (case and spaces aside): two of one name could not be told
     * apart where seats and votes are listed, and a second click would add one twice (409 naming {@code name}). A
     * retired body's name may be taken again.
     */
    private void refuseNamesake(Connection c, String initiativeId, String name, long self) {
        for (BodyRow sitting : records(c).sittingBodies(initiativeId)) {
            GovernanceBody other = sitting.body();
            if (other.id() != self && SameName.of(other.name(), name)) {
                throw new ProblemException(Problem.conflict("Body " + other.id() + " ('" + other.type() + "') is "
                        + "called '" + other.name() + "' already.", List.of(new Violation("name",
                        "is the name of body " + other.id()))));
            }
        }
    }

    GovernanceBody retireBody(Connection c, String initiativeId, long bodyId, String actor) {
        store.holdUntilCommit(c, CoreSchema.seatsLock(initiativeId)); // sent twice: the second sees it retired
        GovernanceBody body = sittingBody(c, initiativeId, bodyId);
        Instant now = Instant.now();
        int seats = records(c).retireSeatsOf(bodyId, now, actor);
        records(c).retireBody(bodyId, now, actor);
        audit.record(c, actor, initiativeId, CoreSchema.MODULE, "body.retire", "body " + bodyId + " " + body.type()
                + " '" + body.name() + "' and its " + seats + " seat(s)");
        return records(c).body(initiativeId, bodyId).body();
    }

    List<Membership> members(Connection c, String initiativeId) {
        initiative(c, initiativeId);
        return records(c).heldSeats(initiativeId).stream().map(SeatRow::membership).toList();
    }

    /** The seats on sitting bodies of those types, with the initiative's seats held shared until {@code c} ends. */
    List<Membership> heldSeats(Connection c, String initiativeId, Collection<String> bodyTypes) {
        store.holdSharedUntilCommit(c, CoreSchema.seatsLock(initiativeId)); // a change of seats waits for this commit
        initiative(c, initiativeId);
        Set<Long> bodies = records(c).sittingBodies(initiativeId).stream().filter(b -> bodyTypes.contains(b.type()))
                .map(BodyRow::id).collect(Collectors.toSet());
        return records(c).heldSeats(initiativeId).stream().filter(s -> bodies.contains(s.bodyId()))
                .map(SeatRow::membership).toList();
    }

    List<Membership> members(Connection c, String initiativeId, long bodyId) {
        sittingBody(c, initiativeId, bodyId);
        return records(c).heldSeatsOf(bodyId).stream().map(SeatRow::membership).toList();
    }

    /** Seats a member; a person already sitting on the body is refused (409 naming the field that named them). */
    Membership addMember(Connection c, String initiativeId, long bodyId, MembershipSpec spec, String actor) {
        store.holdUntilCommit(c, CoreSchema.seatsLock(initiativeId));
        BackboneTeam.refuseSeatByHand(initiativeId, sittingBody(c, initiativeId, bodyId));
        Person person = holder(c, initiativeId, spec, actor);
        heldBy(c, bodyId, person, 0).ifPresent(seat -> {
            throw secondSeat(spec, person, seat);
        });
        heldByOrganisation(c, initiativeId, bodyId, person, spec, 0).ifPresent(seat -> {
            throw secondOrganisationSeat(seat);
        });
        return insertSeat(c, initiativeId, bodyId, spec, person, actor);
    }

    /** The person's seat on the body, added unless they hold one already (core only: a hire of someone seated). */
    Membership seatOnce(Connection c, String initiativeId, long bodyId, MembershipSpec spec, String actor) {
        store.holdUntilCommit(c, CoreSchema.seatsLock(initiativeId));
        sittingBody(c, initiativeId, bodyId);
        Person person = holder(c, initiativeId, spec, actor);
        return heldBy(c, bodyId, person, 0).map(SeatRow::membership)
                .orElseGet(() -> insertSeat(c, initiativeId, bodyId, spec, person, actor));
    }

    private Membership insertSeat(Connection c, String initiativeId, long bodyId, MembershipSpec spec, Person person,
                                  String actor) {
        // a seat names its organisation: the registry's record of it, registered now if it is new to the initiative
        long organisationId = organisations.resolveOrRegister(c, initiativeId, spec.organisation(), spec.sector(), actor)
                .id();
        GeneratedKey key = new GeneratedKey();
        records(c).insertSeat(key, bodyId, person == null ? null : person.name(), person == null ? null
                : person.username(), spec.organisation(), spec.role(), spec.sector(), organisationId,
                person == null ? null : person.id());
        audit.record(c, actor, initiativeId, CoreSchema.MODULE, "membership.create", holder(spec, person) + " as "
                + spec.role() + " in body " + bodyId);
        return records(c).seat(bodyId, key.id()).membership();
    }

    Membership updateMember(Connection c, String initiativeId, long bodyId, long membershipId, MembershipSpec spec,
                            String actor) {
        store.holdUntilCommit(c, CoreSchema.seatsLock(initiativeId));
        BackboneTeam.refuseSeatByHand(initiativeId, sittingBody(c, initiativeId, bodyId));
        Membership before = heldSeat(c, initiativeId, bodyId, membershipId);
        Person person = holder(c, initiativeId, spec, actor);
        heldBy(c, bodyId, person, membershipId).ifPresent(seat -> {
            throw secondSeat(spec, person, seat);
        });
        heldByOrganisation(c, initiativeId, bodyId, person, spec, membershipId).ifPresent(seat -> {
            throw secondOrganisationSeat(seat);
        });
        long organisationId = organisations.resolveOrRegister(c, initiativeId, spec.organisation(), spec.sector(), actor)
                .id();
        records(c).updateSeat(membershipId, person == null ? null : person.name(), person == null ? null
                : person.username(), spec.organisation(), spec.role(), spec.sector(), organisationId,
                person == null ? null : person.id());
        audit.record(c, actor, initiativeId, CoreSchema.MODULE, "membership.update", "seat " + membershipId
                + " in body " + bodyId + ": " + (before.person() == null ? before.organisation() : before.person())
                + " as " + before.role() + " is now " + holder(spec, person) + " as " + spec.role());
        return records(c).seat(bodyId, membershipId).membership();
    }

    /** The sitting seat of the body the person holds, other than {@code except}: one person, one seat a body. */
    private Optional<SeatRow> heldBy(Connection c, long bodyId, Person person, long except) {
        return person == null ? Optional.empty() : records(c).heldSeatsOf(bodyId).stream()
                .filter(s -> s.id() != except && Long.valueOf(person.id()).equals(s.personId())).findFirst();
    }

    /**
     * For a seat held by an organisation without a person: the sitting seat of the body that organisation (by any of
     * its names) holds in that role without a person, other than {@code except}. A second click would seat it twice.
     */
    private Optional<SeatRow> heldByOrganisation(Connection c, String initiativeId, long bodyId, Person person,
                                                 MembershipSpec spec, long except) {
        Long organisationId = person != null ? null : organisations.resolve(c, initiativeId, spec.organisation())
                .map(Organisation::id).orElse(null);
        return organisationId == null ? Optional.empty() : records(c).heldSeatsOf(bodyId).stream()
                .filter(s -> s.id() != except && s.personId() == null && s.person() == null
                        && organisationId.equals(s.organisationId()) && SameName.of(s.role(), spec.role()))
                .findFirst();
    }

    private static ProblemException secondOrganisationSeat(SeatRow seat) {
        String why = "holds seat " + seat.id() + " of this body as " + seat.role() + " already";
        return new ProblemException(Problem.conflict(seat.organisation() + " " + why + ".",
                List.of(new Violation("organisation", why))));
    }

    // a second seat would count the person twice wherever a body's seats are counted
    private static ProblemException secondSeat(MembershipSpec spec, Person person, SeatRow seat) {
        String why = "already holds seat " + seat.id() + " of this body (as " + seat.role() + "); change that seat "
                + "instead";
        return new ProblemException(Problem.conflict(person.name() + " " + why + ".",
                List.of(new Violation(spec.personId() != null ? "personId" : "person", why))));
    }

    Membership retireMember(Connection c, String initiativeId, long bodyId, long membershipId, String actor) {
        store.holdUntilCommit(c, CoreSchema.seatsLock(initiativeId)); // sent twice: the second sees it retired
        Membership seat = heldSeat(c, initiativeId, bodyId, membershipId);
        records(c).retireSeat(membershipId, Instant.now(), actor);
        audit.record(c, actor, initiativeId, CoreSchema.MODULE, "membership.retire", "seat " + membershipId + " of "
                + (seat.person() == null ? seat.organisation() : seat.person()) + " in body " + bodyId);
        return records(c).seat(bodyId, membershipId).membership();
    }

    /** Who holds the seat: the person on record the spec names (by id, by login, or by name), or none. */
    private Person holder(Connection c, String initiativeId, MembershipSpec spec, String actor) {
        if (spec.personId() != null) {
            return people.named(c, initiativeId, spec.personId(), "personId");
        }
        return spec.person() == null || spec.person().isBlank() ? null
                : people.holder(c, initiativeId, spec.person(), JdbcPersonRegistry.checkedLogin(spec.username()), actor);
    }

    private static String holder(MembershipSpec spec, Person person) {
        return person == null ? spec.organisation() : person.name();
    }

    private void checkType(InitiativeRow initiative, BodySpec spec) {
        if (spec.declaredCustom() || PLATFORM_TYPES.contains(spec.type())) {
            return;
        }
        Optional<StructureModel> model = catalogue.structureModel(initiative.structureModelId());
        TreeSet<String> known = new TreeSet<>(PLATFORM_TYPES);
        model.ifPresent(m -> m.requiredBodies().stream().map(BodyRequirement::bodyType).forEach(known::add));
        if (model.isPresent() && known.contains(spec.type())) {
            return;
        }
        String why = model.isPresent()
                ? "is not a body type of the '" + initiative.structureModelId() + "' model or of the platform ("
                        + String.join(", ", known) + "); for a body of the initiative's own, declare \"custom\": true"
                : "cannot be checked while the '" + initiative.structureModelId() + "' model's module is not installed; "
                        + "use one of the platform's (" + String.join(", ", PLATFORM_TYPES) + ") or declare \"custom\": true";
        throw ProblemException.invalid("type", why);
    }

    private InitiativeRow initiative(Connection c, String initiativeId) {
        return store.mapper(c, InitiativeRecords.class).existing(initiativeId);
    }

    private GovernanceBody sittingBody(Connection c, String initiativeId, long bodyId) {
        initiative(c, initiativeId);
        BodyRow row = records(c).body(initiativeId, bodyId);
        if (row == null) {
            throw new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no governance body "
                    + bodyId + "."));
        }
        if (row.retiredAt() != null) {
            throw new ProblemException(Problem.conflict("Body " + bodyId + " of '" + initiativeId + "' was retired at "
                    + row.retiredAt() + "; it stays on record and takes no changes."));
        }
        return row.body();
    }

    private Membership heldSeat(Connection c, String initiativeId, long bodyId, long membershipId) {
        sittingBody(c, initiativeId, bodyId);
        SeatRow row = records(c).seat(bodyId, membershipId);
        if (row == null) {
            throw new ProblemException(Problem.notFound("Body " + bodyId + " of '" + initiativeId + "' has no seat "
                    + membershipId + "."));
        }
        if (row.retiredAt() != null) {
            throw new ProblemException(Problem.conflict("Seat " + membershipId + " was retired at " + row.retiredAt()
                    + "; it stays on record and takes no changes."));
        }
        return row.membership();
    }
}
