package org.civicbackbone.core.internal;

import java.security.Principal;
import java.sql.Connection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;
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
 * The logins of the platform's realm, written through the backing engine of its properties file. A write to the realm
 * is the last step of a database transaction (the audit entry, the person's link): if the realm refuses it, nothing
 * is recorded; a new login is checked to have stayed in the file ({@link RealmWrites}). Writes are serialised in
 * this JVM, so two admins creating one name get one login and one 409.
 */
@Component(service = LoginDirectory.class)
public class RealmLoginDirectory implements LoginDirectory {

    /** The realm role of a platform admin, as REST access decides it. */
    static final String ADMIN_ROLE = "admin";
    /** The role every platform login holds; Karaf's own consoles give it read access only. */
    static final String MEMBER_ROLE = "viewer";

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
        BackingEngine engine = engine();
        return engine.listUsers().stream().map(user -> login(engine, user))
                .sorted(Comparator.comparing(Login::name)).toList();
    }

    @Override
    public synchronized Login create(LoginSpec spec, String actor) {
        BackingEngine engine = engine();
        refuseTaken(engine, spec.name());
        return store.inTransaction(c -> {
            audit.record(c, actor, null, CoreSchema.MODULE, "login.create", "login " + spec.name()
                    + (spec.makesPlatformAdmin() ? " (platform admin)" : ""));
            add(spec);
            BackingEngine written = engine();
            return login(written, written.lookupUser(spec.name()));
        });
    }

    @Override
    public synchronized void setPassword(String login, PasswordSpec spec, String actor) {
        BackingEngine engine = engine();
        existing(engine, login);
        store.inTransaction(c -> {
            audit.record(c, actor, null, CoreSchema.MODULE, "login.password", "new password for login " + login);
            realm.writing(() -> {
                engine().addUser(login, spec.password()); // a fresh copy of the file; the login keeps its roles
                return null;
            });
            return null;
        });
    }

    @Override
    public synchronized Person createFor(String initiativeId, long personId, LoginSpec spec, String actor) {
        if (spec.makesPlatformAdmin()) {
            throw new ProblemException(Problem.invalid("An initiative's staff create logins for its people; "
                    + "platform admins are made by a platform admin.", List.of(new Violation("platformAdmin",
                    "must be false here"))));
        }
        BackingEngine engine = engine();
        return store.inTransaction(c -> {
            Person person = people.person(c, initiativeId, personId);
            if (person.username() != null && engine.lookupUser(person.username()) != null) {
                throw new ProblemException(Problem.conflict(person.name() + " already has the login '"
                        + person.username() + "': give it a new password instead."));
            }
            refuseTaken(engine, spec.name());
            Person linked = people.update(c, initiativeId, personId, new PersonSpec(person.name(), spec.name()), actor);
            audit.record(c, actor, initiativeId, CoreSchema.MODULE, "login.create", "login " + spec.name() + " for '"
                    + person.name() + "' (" + personId + ")");
            add(spec);
            return linked;
        });
    }

    @Override
    public synchronized void resetFor(String initiativeId, long personId, PasswordSpec spec, String actor) {
        BackingEngine engine = engine();
        store.inTransaction(c -> {
            Person person = people.person(c, initiativeId, personId);
            if (person.username() == null || engine.lookupUser(person.username()) == null) {
                throw new ProblemException(Problem.conflict(person.name() + " has no login yet: create one."));
            }
            refuseBeyond(c, engine, initiativeId, person);
            audit.record(c, actor, initiativeId, CoreSchema.MODULE, "login.password", "new password for login "
                    + person.username() + " of '" + person.name() + "' (" + personId + ")");
            realm.writing(() -> {
                engine().addUser(person.username(), spec.password()); // a fresh copy of the file
                return null;
            });
            return null;
        });
    }

    /** Staff of one initiative reset only logins that reach nothing else: no admin, no other initiative's record. */
    private void refuseBeyond(Connection c, BackingEngine engine, String initiativeId, Person person) {
        Login login = login(engine, engine.lookupUser(person.username()));
        List<String> elsewhere = store.mapper(c, PersonRecords.class).initiativesOf(person.username()).stream()
                .filter(other -> !other.equals(initiativeId)).toList();
        if (login.platformAdmin() || !elsewhere.isEmpty()) {
            throw new ProblemException(new Problem("urn:civicbackbone:problem:forbidden", "Forbidden", 403,
                    "The login '" + person.username() + "' " + (login.platformAdmin() ? "is a platform admin's"
                    : "is on the record of " + String.join(", ", elsewhere) + " too")
                    + ": a platform admin gives it a new password.", List.of()));
        }
    }

    private void add(LoginSpec spec) {
        realm.writing(() -> {
            RealmWrites.ensure(this::engine, List.of(spec.name()), spec.password(),
                    spec.makesPlatformAdmin() ? List.of(MEMBER_ROLE, ADMIN_ROLE) : List.of(MEMBER_ROLE));
            return null;
        });
    }

    private static void refuseTaken(BackingEngine engine, String name) {
        if (engine.lookupUser(name) != null) {
            throw new ProblemException(Problem.conflict("The login '" + name + "' is taken: choose another name."));
        }
    }

    private static void existing(BackingEngine engine, String name) {
        if (engine.lookupUser(name) == null) {
            throw new ProblemException(Problem.notFound("There is no login '" + name + "'."));
        }
    }

    /** A login with its roles, the groups' roles included, as the realm grants them at sign-in. */
    private static Login login(BackingEngine engine, UserPrincipal user) {
        List<String> roles = Stream.concat(engine.listRoles(user).stream(),
                        engine.listGroups(user).stream().flatMap(g -> engine.listRoles(g).stream()))
                .map(Principal::getName).filter(name -> !name.startsWith(BackingEngine.GROUP_PREFIX))
                .distinct().sorted().toList();
        return new Login(user.getName(), roles.contains(ADMIN_ROLE), roles);
    }

    private BackingEngine engine() {
        BackingEngine engine = realm.writableEngine();
        if (engine == null) {
            throw new ProblemException(new Problem("urn:civicbackbone:problem:logins-kept-elsewhere",
                    "Logins kept elsewhere", 503, "This platform's realm keeps its logins where the platform cannot "
                    + "write them (LDAP, say): create logins and change passwords there.", List.of()));
        }
        return engine;
    }
}
