package org.civicbackbone.core.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.initiative.Person;
import org.civicbackbone.api.initiative.PersonRegistry;
import org.civicbackbone.api.initiative.PersonSpec;
import org.civicbackbone.api.initiative.SameName;
import org.civicbackbone.api.login.LoginSpec;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.core.internal.BodyRecords.SeatRow;
import org.civicbackbone.core.internal.PersonRecords.UnlinkedSeat;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The people on each initiative's record in the core's tables. A seat's holder is found by login, or without a login
 * by name, and recorded when new; at start the seats written before people were on record are linked that way.
 */
@Component(service = {PersonRegistry.class, JdbcPersonRegistry.class})
public class JdbcPersonRegistry implements PersonRegistry {

    private final BackboneStore store;
    private final AuditLog audit;

    @Activate
    public JdbcPersonRegistry(@Reference BackboneStore store, @Reference AuditLog audit) {
        this.store = store;
        this.audit = audit;
        store.migrate(CoreSchema.MODULE, CoreSchema.MIGRATIONS);
        store.inTransaction(c -> {
            for (UnlinkedSeat seat : records(c).unlinkedSeats()) {
                records(c).pointSeat(seat.id(), holder(c, seat.initiativeId(), seat.person(), seat.username(), "system")
                        .id());
            }
            return null;
        });
    }

    private PersonRecords records(Connection c) {
        return store.mapper(c, PersonRecords.class);
    }

    @Override
    public List<Person> people(String initiativeId) {
        return store.read(c -> {
            store.mapper(c, InitiativeRecords.class).existing(initiativeId);
            return records(c).people(initiativeId);
        });
    }

    @Override
    public Person person(String initiativeId, long personId) {
        return store.read(c -> person(c, initiativeId, personId));
    }

    /** One person, read on the caller's connection (404 when the initiative has no such person). */
    Person person(Connection c, String initiativeId, long personId) {
        return find(c, initiativeId, personId).orElseThrow(() -> new ProblemException(Problem.notFound(
                "Initiative '" + initiativeId + "' has no person " + personId + " on record.")));
    }

    /** A person a request's body names by id: one the initiative does not have is a 400 naming the field, not a 404. */
    Person named(Connection c, String initiativeId, long personId, String field) {
        return find(c, initiativeId, personId).orElseThrow(() -> ProblemException.invalid(field,
                "initiative '" + initiativeId + "' has no person " + personId + " on record"));
    }

    private Optional<Person> find(Connection c, String initiativeId, long personId) {
        store.mapper(c, InitiativeRecords.class).existing(initiativeId);
        return Optional.ofNullable(records(c).person(initiativeId, personId));
    }

    @Override
    public List<Membership> seats(String initiativeId, long personId) {
        return store.read(c -> {
            person(c, initiativeId, personId);
            return store.mapper(c, BodyRecords.class).heldSeats(initiativeId).stream()
                    .filter(s -> Long.valueOf(personId).equals(s.personId())).map(SeatRow::membership).toList();
        });
    }

    /**
     * The person a seat names: by login when it has one, else by name among people without a login; recorded when
     * new. Used in the caller's transaction.
     */
    Person holder(Connection c, String initiativeId, String name, String username, String actor) {
        PersonRecords records = records(c);
        String login = username == null || username.isBlank() ? null : username.strip();
        Person found = login != null ? records.byLogin(initiativeId, login)
                : records.withoutLogin(initiativeId).stream()
                        .filter(p -> SameName.of(p.name(), name))
                        .findFirst().orElse(null);
        return found != null ? found : register(c, initiativeId, new PersonSpec(name, login), actor, "person");
    }

    @Override
    public Person register(String initiativeId, PersonSpec spec, String actor) {
        return store.inTransaction(c -> register(c, initiativeId, spec, actor, "name"));
    }

    private Person register(Connection c, String initiativeId, PersonSpec spec, String actor, String nameField) {
        store.holdUntilCommit(c, CoreSchema.seatsLock(initiativeId));
        store.mapper(c, InitiativeRecords.class).existing(initiativeId);
        String login = checkedLogin(spec.username());
        refuseTakenLogin(c, initiativeId, login, -1);
        refuseNamesake(c, initiativeId, spec.name(), login, -1, nameField);
        String email = address(spec.email());
        GeneratedKey key = new GeneratedKey();
        records(c).insert(key, initiativeId, spec.name().strip(), login, email, actor, Instant.now());
        audit.record(c, actor, initiativeId, CoreSchema.MODULE, "person.register", "'" + spec.name().strip() + "' ("
                + key.id() + ")" + (login == null ? "" : " with login " + login)
                + (email == null ? "" : ", e-mail " + email));
        return records(c).person(initiativeId, key.id());
    }

    @Override
    public Person update(String initiativeId, long personId, PersonSpec spec, String actor) {
        return store.inTransaction(c -> update(c, initiativeId, personId, spec, actor));
    }

    /** Changes a person in the caller's transaction; every seat they hold follows. */
    Person update(Connection c, String initiativeId, long personId, PersonSpec spec, String actor) {
        store.holdUntilCommit(c, CoreSchema.seatsLock(initiativeId));
        Person before = person(c, initiativeId, personId);
        String login = checkedLogin(spec.username());
        refuseTakenLogin(c, initiativeId, login, personId);
        refuseNamesake(c, initiativeId, spec.name(), login, personId, "name");
        String email = address(spec.email());
        records(c).update(personId, spec.name().strip(), login, email);
        int seats = records(c).renameSeats(personId, spec.name().strip(), login);
        audit.record(c, actor, initiativeId, CoreSchema.MODULE, "person.update", "'" + before.name() + "' ("
                + personId + ") is now '" + spec.name().strip() + "'" + (login == null ? "" : " with login " + login)
                + (Objects.equals(before.email(), email) ? "" : email == null ? ", no e-mail address"
                        : ", e-mail " + email) + "; " + seats + " seat(s) follow");
        return records(c).person(initiativeId, personId);
    }

    @Override
    public List<Person> withLogin(String login) {
        return store.read(c -> records(c).withLogin(login));
    }

    @Override
    public List<Person> withAnyLogin() {
        return store.read(c -> records(c).withAnyLogin());
    }

    /** An e-mail address as given, stripped; blank is none (its form was checked with the spec). */
    private static String address(String email) {
        return email == null || email.isBlank() ? null : email.strip();
    }

    /**
     * A login a request names for a person or a seat: blank is none; anything else is a login name as the realm
     * takes it, or a 400 naming {@code username} (a seat cannot follow a login that can never exist).
     */
    static String checkedLogin(String username) {
        String login = username == null || username.isBlank() ? null : username.strip();
        if (login != null && !login.matches(LoginSpec.NAME)) {
            throw ProblemException.invalid("username", "'" + login + "' " + LoginSpec.NAME_RULE);
        }
        return login;
    }

    /**
     * A person without a login is told apart by name alone: another record of that name would be the same person
     * entered twice, or two people nobody could tell apart in a list (409 naming the field that named them).
     */
    private void refuseNamesake(Connection c, String initiativeId, String name, String login, long self, String field) {
        if (login != null) {
            return;
        }
        records(c).people(initiativeId).stream()
                .filter(p -> p.id() != self && SameName.of(p.name(), name)).findFirst()
                .ifPresent(p -> {
                    throw new ProblemException(Problem.conflict(p.name() + " is on record already (person " + p.id()
                            + (p.username() == null ? "" : ", login " + p.username()) + ") in '" + initiativeId
                            + "': choose that record, or tell the new one apart by a login or a fuller name.",
                            List.of(new Violation(field, "is person " + p.id() + "'s name already"))));
                });
    }

    private void refuseTakenLogin(Connection c, String initiativeId, String login, long self) {
        Person holder = login == null ? null : records(c).byLogin(initiativeId, login);
        if (holder != null && holder.id() != self) {
            throw new ProblemException(Problem.conflict("The login '" + login + "' is " + holder.name() + "'s (person "
                    + holder.id() + ") in '" + initiativeId + "': a login belongs to one person.", List.of(
                    new Violation("username", "is person " + holder.id() + "'s login"))));
        }
    }
}
