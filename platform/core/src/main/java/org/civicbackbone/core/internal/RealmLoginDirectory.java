package org.civicbackbone.core.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.initiative.Person;
import org.civicbackbone.api.initiative.PersonSpec;
import org.civicbackbone.api.login.Login;
import org.civicbackbone.api.login.LoginDirectory;
import org.civicbackbone.api.login.LoginSpec;
import org.civicbackbone.api.login.PasswordSpec;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.core.internal.governance.RealmLogins;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The platform's logins, kept in the database and checked by its realm ({@link DatabaseRealm}, ADR 0020). Each
 * change is one database transaction with its audit entry (and the person's link): all of it is kept, on every
 * node at once, or none of it. A name taken by two writers at once gets one login; the other writer's transaction
 * fails on the name's key.
 */
@Component(service = LoginDirectory.class)
public class RealmLoginDirectory implements LoginDirectory {

    /** The realm role of a platform admin, as REST access decides it. */
    static final String ADMIN_ROLE = RealmLogins.ADMIN_ROLE;
    /** The role every platform login holds. */
    static final String MEMBER_ROLE = RealmLogins.MEMBER_ROLE;

    private final BackboneStore store;
    private final AuditLog audit;
    private final RealmLogins realm;
    private final JdbcPersonRegistry people;

    @Activate
    public RealmLoginDirectory(@Reference BackboneStore store, @Reference AuditLog audit, @Reference RealmLogins realm,
                               @Reference JdbcPersonRegistry people) {
        this.store = store;
        this.audit = audit;
        this.realm = realm;
        this.people = people;
    }

    @Override
    public List<Login> logins() {
        return store.read(realm::logins);
    }

    @Override
    public Login create(LoginSpec spec, String actor) {
        return store.inTransaction(c -> {
            refuseTaken(c, spec.name());
            audit.record(c, actor, null, CoreSchema.MODULE, "login.create", "login " + spec.name()
                    + (spec.makesPlatformAdmin() ? " (platform admin)" : ""));
            add(c, spec);
            return realm.login(c, spec.name());
        });
    }

    @Override
    public void setPassword(String login, PasswordSpec spec, String actor) {
        store.inTransaction(c -> {
            requireLogin(c, login);
            audit.record(c, actor, null, CoreSchema.MODULE, "login.password", "new password for login " + login);
            realm.setPassword(c, login, spec.password());
            return null;
        });
    }

    @Override
    public Login setPlatformAdmin(String login, boolean platformAdmin, String actor) {
        return store.inTransaction(c -> {
            requireLogin(c, login);
            boolean changed = platformAdmin ? realm.addRole(c, login, ADMIN_ROLE) : realm.removeRole(c, login, ADMIN_ROLE);
            if (changed) {
                audit.record(c, actor, null, CoreSchema.MODULE, "login.roles", "role " + ADMIN_ROLE
                        + (platformAdmin ? " given to login " : " taken from login ") + login);
            }
            return realm.login(c, login);
        });
    }

    @Override
    public void remove(String login, String actor) {
        if (login.equals(actor)) {
            throw new ProblemException(Problem.conflict("You cannot remove your own login: another platform admin "
                    + "can."));
        }
        store.inTransaction(c -> {
            requireLogin(c, login);
            audit.record(c, actor, null, CoreSchema.MODULE, "login.delete", "login " + login);
            realm.remove(c, login);
            return null;
        });
    }

    @Override
    public Person createFor(String initiativeId, long personId, LoginSpec spec, String actor) {
        if (spec.makesPlatformAdmin()) {
            throw new ProblemException(Problem.invalid("An initiative's staff create logins for its people; "
                    + "platform admins are made by a platform admin.", List.of(new Violation("platformAdmin",
                    "must be false here"))));
        }
        return store.inTransaction(c -> {
            Person person = people.person(c, initiativeId, personId);
            if (person.username() != null && realm.login(c, person.username()) != null) {
                throw new ProblemException(Problem.conflict(person.name() + " already has the login '"
                        + person.username() + "': give it a new password instead."));
            }
            refuseTaken(c, spec.name());
            Person linked = people.update(c, initiativeId, personId, new PersonSpec(person.name(), spec.name(),
                    person.email()), actor);
            audit.record(c, actor, initiativeId, CoreSchema.MODULE, "login.create", "login " + spec.name() + " for '"
                    + person.name() + "' (" + personId + ")");
            add(c, spec);
            return linked;
        });
    }

    @Override
    public void resetFor(String initiativeId, long personId, PasswordSpec spec, String actor) {
        store.inTransaction(c -> {
            Person person = people.person(c, initiativeId, personId);
            Login login = person.username() == null ? null : realm.login(c, person.username());
            if (login == null) {
                throw new ProblemException(Problem.conflict(person.name() + " has no login yet: create one."));
            }
            refuseBeyond(c, login, initiativeId, person);
            audit.record(c, actor, initiativeId, CoreSchema.MODULE, "login.password", "new password for login "
                    + person.username() + " of '" + person.name() + "' (" + personId + ")");
            realm.setPassword(c, person.username(), spec.password());
            return null;
        });
    }

    @Override
    public Instant lastChange() {
        Instant last = realm.lastChange();
        return last == null ? Instant.EPOCH : last;
    }

    /** Staff of one initiative reset only logins that reach nothing else: no admin, no other initiative's record. */
    private void refuseBeyond(Connection c, Login login, String initiativeId, Person person) {
        List<String> elsewhere = store.mapper(c, PersonRecords.class).initiativesOf(person.username()).stream()
                .filter(other -> !other.equals(initiativeId)).toList();
        if (login.platformAdmin() || !elsewhere.isEmpty()) {
            throw new ProblemException(new Problem("urn:civicbackbone:problem:forbidden", "Forbidden", 403,
                    "The login '" + person.username() + "' " + (login.platformAdmin() ? "is a platform admin's"
                    : "is on the record of " + String.join(", ", elsewhere) + " too")
                    + ": a platform admin gives it a new password.", List.of()));
        }
    }

    private void add(Connection c, LoginSpec spec) {
        realm.create(c, spec.name(), spec.password(),
                spec.makesPlatformAdmin() ? List.of(MEMBER_ROLE, ADMIN_ROLE) : List.of(MEMBER_ROLE));
    }

    private void requireLogin(Connection c, String login) {
        store.holdUntilCommit(c, CoreSchema.LOGIN_NAMES_LOCK); // a change sent twice: the second sees the first's
        if (realm.login(c, login) == null) {
            throw new ProblemException(Problem.notFound("There is no login '" + login + "'."));
        }
    }

    private void refuseTaken(Connection c, String name) {
        store.holdUntilCommit(c, CoreSchema.LOGIN_NAMES_LOCK); // one created at the same moment is seen
        if (realm.login(c, name) != null) {
            throw new ProblemException(Problem.conflict("The login '" + name + "' is taken: choose another name."));
        }
    }
}
