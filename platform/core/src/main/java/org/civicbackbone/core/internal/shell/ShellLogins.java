package org.civicbackbone.core.internal.shell;

import java.security.AccessController;
import java.security.Principal;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.login.Login;
import org.civicbackbone.api.login.LoginSpec;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.core.internal.CoreSchema;
import org.civicbackbone.core.internal.governance.RealmLogins;

/**
 * The platform's realm as Karaf's {@code jaas:} shell commands change it ({@code jaas:user-add}, {@code user-delete},
 * {@code role-add}, {@code role-delete}, then {@code jaas:update}): each change is one transaction with its audit
 * entry, and ends the changed login's console sessions, as the console and the REST API do. {@code jaas:user-add}
 * of an existing login gives it a new password; a new login gets the role every platform login holds. Names and
 * passwords follow the API's rules. The realm has no groups.
 */
final class ShellLogins implements BackingEngine {

    private static final int PASSWORD_MIN = 10;
    private static final int PASSWORD_MAX = 200;

    private final BackboneStore store;
    private final AuditLog audit;
    private final RealmLogins realm;
    private final Supplier<String> actor;

    ShellLogins(BackboneStore store, AuditLog audit, RealmLogins realm, Supplier<String> actor) {
        this.store = store;
        this.audit = audit;
        this.realm = realm;
        this.actor = actor;
    }

    @Override
    public void addUser(String name, String password) {
        if (name == null || !name.matches(LoginSpec.NAME)) {
            throw new IllegalArgumentException("The login name '" + name + "' " + LoginSpec.NAME_RULE + ".");
        }
        if (password == null || password.length() < PASSWORD_MIN || password.length() > PASSWORD_MAX) {
            throw new IllegalArgumentException("A password must have " + PASSWORD_MIN + " to " + PASSWORD_MAX
                    + " characters.");
        }
        store.inTransaction(c -> {
            if (realm.login(c, name) == null) {
                audit.record(c, actor.get(), null, CoreSchema.MODULE, "login.create", "login " + name + " (shell)");
                realm.create(c, name, password, List.of(RealmLogins.MEMBER_ROLE));
            } else {
                audit.record(c, actor.get(), null, CoreSchema.MODULE, "login.password", "new password for login "
                        + name + " (shell)");
                realm.setPassword(c, name, password);
            }
            return null;
        });
    }

    @Override
    public void deleteUser(String name) {
        store.inTransaction(c -> {
            audit.record(c, actor.get(), null, CoreSchema.MODULE, "login.delete", "login " + name + " (shell)");
            if (!realm.remove(c, name)) {
                throw noSuchLogin(name);
            }
            return null;
        });
    }

    @Override
    public List<UserPrincipal> listUsers() {
        return store.read(realm::logins).stream().map(login -> new UserPrincipal(login.name())).toList();
    }

    @Override
    public UserPrincipal lookupUser(String name) {
        return store.read(c -> realm.login(c, name)) == null ? null : new UserPrincipal(name);
    }

    @Override
    public List<RolePrincipal> listRoles(Principal principal) {
        Login login = store.read(c -> realm.login(c, principal.getName()));
        return login == null ? List.of() : login.roles().stream().map(RolePrincipal::new).toList();
    }

    @Override
    public void addRole(String name, String role) {
        changeRole(name, role, true);
    }

    @Override
    public void deleteRole(String name, String role) {
        changeRole(name, role, false);
    }

    /** Gives or takes a role; audited only when the login's roles change. */
    private void changeRole(String name, String role, boolean give) {
        store.inTransaction(c -> {
            requireLogin(c, name);
            if (give ? realm.addRole(c, name, role) : realm.removeRole(c, name, role)) {
                audit.record(c, actor.get(), null, CoreSchema.MODULE, "login.roles", "role " + role
                        + (give ? " given to login " : " taken from login ") + name + " (shell)");
            }
            return null;
        });
    }

    @Override
    public List<GroupPrincipal> listGroups(UserPrincipal user) {
        return List.of();
    }

    @Override
    public Map<GroupPrincipal, String> listGroups() {
        return Map.of();
    }

    @Override
    public void addGroup(String name, String group) {
        throw noGroups();
    }

    @Override
    public void createGroup(String group) {
        throw noGroups();
    }

    @Override
    public void deleteGroup(String name, String group) {
        throw noGroups();
    }

    @Override
    public void addGroupRole(String group, String role) {
        throw noGroups();
    }

    @Override
    public void deleteGroupRole(String group, String role) {
        throw noGroups();
    }

    /** The login the shell runs as (Karaf runs each command as its user's JAAS subject). */
    @SuppressWarnings("removal") // Karaf itself reads the shell's subject this way on Java 17
    static String shellUser() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (UserPrincipal user : subject.getPrincipals(UserPrincipal.class)) {
                return user.getName();
            }
        }
        return "shell";
    }

    private void requireLogin(Connection c, String name) {
        if (realm.login(c, name) == null) {
            throw noSuchLogin(name);
        }
    }

    private static IllegalArgumentException noSuchLogin(String name) {
        return new IllegalArgumentException("There is no login '" + name + "'.");
    }

    private static UnsupportedOperationException noGroups() {
        return new UnsupportedOperationException("The platform's realm has no groups: give roles to logins "
                + "(jaas:role-add).");
    }
}
