package org.civicbackbone.core.internal.governance;

import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.civicbackbone.api.login.Login;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.core.internal.CoreSchema;
import org.civicbackbone.core.internal.DatabaseRealm;
import org.civicbackbone.core.internal.LoginRecords;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The logins of the platform's realm, kept in the database (ADR 0020): read to tell a seat whose login does not
 * exist (a typo) as a set-up problem, and written inside the caller's transaction, so that a login, its audit entry
 * and its person's link are kept together or not at all. A change of a login's password ends its console sessions
 * in the same transaction, and so does a change of its roles or its removal.
 */
@Component(service = RealmLogins.class)
public class RealmLogins {

    /** The realm role of a platform admin, as REST access decides it. */
    public static final String ADMIN_ROLE = "admin";
    /** The role every platform login holds; Karaf's own consoles give it read access only. */
    public static final String MEMBER_ROLE = "viewer";

    private final BackboneStore store;
    private final UnaryOperator<String> stored;

    @Activate
    public RealmLogins(@Reference BackboneStore store, @Reference DatabaseRealm realm) {
        this(new Storage(store, realm::stored));
    }

    private RealmLogins(Storage storage) {
        this.store = storage.store();
        this.stored = storage.stored();
        store.migrate(CoreSchema.MODULE, CoreSchema.MIGRATIONS);
    }

    /** Logins whose passwords are stored as {@code stored} makes them (tests: without Karaf's hashing). */
    public static RealmLogins storing(BackboneStore store, UnaryOperator<String> stored) {
        return new RealmLogins(new Storage(store, stored));
    }

    /** Where logins are kept and how their passwords are stored. */
    private record Storage(BackboneStore store, UnaryOperator<String> stored) {
    }

    /** The names of the realm's logins. */
    public Set<String> names() {
        return new HashSet<>(store.read(c -> records(c).names()));
    }

    /** Every login with its roles, by name. */
    public List<Login> logins(Connection c) {
        Map<String, List<String>> roles = records(c).allRoles().stream().collect(Collectors.groupingBy(
                LoginRecords.LoginRole::login, Collectors.mapping(LoginRecords.LoginRole::role, Collectors.toList())));
        return records(c).names().stream().map(name -> login(name, roles.getOrDefault(name, List.of()))).toList();
    }

    /** A login with its roles; null when there is none. */
    public Login login(Connection c, String name) {
        LoginRecords records = records(c);
        return records.exists(name) ? login(name, records.roles(name)) : null;
    }

    /** Creates a login with these roles. */
    public void create(Connection c, String name, String password, Collection<String> roles) {
        LoginRecords records = records(c);
        records.insert(name, stored.apply(password), Instant.now());
        roles.forEach(role -> records.insertRole(name, role));
    }

    /** Gives a login a new password and ends its console sessions; false when there is no such login. */
    public boolean setPassword(Connection c, String name, String password) {
        LoginRecords records = records(c);
        if (records.setPassword(name, stored.apply(password), Instant.now()) == 0) {
            return false;
        }
        records.endSessions(name);
        return true;
    }

    /** Gives a login a role and ends its console sessions; false when there is no such login or it has the role. */
    public boolean addRole(Connection c, String name, String role) {
        LoginRecords records = records(c);
        if (!records.exists(name) || records.roles(name).contains(role)) {
            return false;
        }
        records.insertRole(name, role);
        changed(records, name);
        return true;
    }

    /** Takes a role from a login and ends its console sessions; false when the login does not have it. */
    public boolean removeRole(Connection c, String name, String role) {
        LoginRecords records = records(c);
        if (ADMIN_ROLE.equals(role)) {
            keepAnAdmin(records, name);
        }
        if (records.deleteRole(name, role) == 0) {
            return false;
        }
        changed(records, name);
        return true;
    }

    /**
     * Removes a login with its roles and console sessions; every node forgets its remembered password within the
     * second ({@link #lastChange()} moves). False when there is no such login.
     */
    public boolean remove(Connection c, String name) {
        LoginRecords records = records(c);
        keepAnAdmin(records, name);
        records.endSessions(name);
        records.deleteRoles(name);
        if (records.delete(name) == 0) {
            return false;
        }
        Instant now = Instant.now();
        if (records.removed(now) == 0) {
            records.firstRemoved(now);
        }
        return true;
    }

    /**
     * Refuses (409) to take the admin role from the last login that holds it, by any path (REST or shell). The
     * holders are read under lock, so two admins taking each other's role at once cannot both succeed.
     */
    private static void keepAnAdmin(LoginRecords records, String name) {
        List<String> admins = records.holdersLocked(ADMIN_ROLE);
        if (admins.size() == 1 && admins.get(0).equals(name)) {
            throw new ProblemException(Problem.conflict("The login '" + name + "' is the last platform admin's: make "
                    + "another login a platform admin first."));
        }
    }

    /** A login's roles changed: a password checked before is checked again, and its sessions (with the old roles) end. */
    private static void changed(LoginRecords records, String name) {
        records.touch(name, Instant.now());
        records.endSessions(name);
    }

    /** When a login was last created, changed or removed, on any node. */
    public Instant lastChange() {
        return store.read(c -> records(c).lastChange());
    }

    private LoginRecords records(Connection c) {
        return store.mapper(c, LoginRecords.class);
    }

    private static Login login(String name, List<String> roles) {
        List<String> sorted = roles.stream().sorted().toList();
        return new Login(name, sorted.contains(ADMIN_ROLE), sorted);
    }
}
