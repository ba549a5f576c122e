package org.civicbackbone.rest.internal;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.civicbackbone.api.login.LoginDirectory;

/**
 * A user and password checked against the JAAS realm, and the accepted ones remembered for a short while
 * ({@link VerifiedLogins}, ADR 0013) until a login changes: through this node at once ({@link #loginChanged()}),
 * through another node within {@link #LOOK_EVERY_NANOS}, when this node next reads the logins' time of change
 * ({@link LoginDirectory#lastChange()}, ADR 0020), or when the realm itself changes ({@link #forgetAll()}).
 */
final class RealmPasswords {

    /** How often a node reads the logins' time of change: reading it on every request would cost a round trip. */
    private static final long LOOK_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    private final LoginDirectory logins;
    private volatile String realm = "karaf";
    private volatile VerifiedLogins verified = new VerifiedLogins(0, System::nanoTime);
    private volatile Instant loginsChanged = Instant.EPOCH;
    private volatile long lastLook = System.nanoTime() - LOOK_EVERY_NANOS;

    RealmPasswords(LoginDirectory logins) {
        this.logins = logins;
    }

    /** Checks against {@code realm} from now on, remembering accepted logins for {@code remember}. */
    void configure(String realm, Duration remember) {
        this.realm = realm;
        VerifiedLogins previous = verified;
        this.verified = new VerifiedLogins(remember.toNanos(), System::nanoTime);
        previous.forgetAll(); // a request that checked against the old realm must not remember its login
    }

    /** The realm changed: every login is checked against it again. */
    void forgetAll() {
        verified.forgetAll();
    }

    /** A login's password changed through this node: every login is checked against the realm again, at once. */
    void loginChanged() {
        verified.forgetAll();
        lastLook = System.nanoTime() - LOOK_EVERY_NANOS;
    }

    /** Who these credentials are, from a recent check or from the realm; null when the realm refuses them. */
    VerifiedLogins.Verified verify(String name, String password) {
        noticeLoginChanges();
        VerifiedLogins remembered = verified;
        long generation = remembered.generation();
        VerifiedLogins.Verified known = remembered.find(name, password);
        if (known != null) {
            return known;
        }
        Subject subject = RealmLogin.login(realm, name, password.toCharArray());
        if (subject == null) {
            return null;
        }
        VerifiedLogins.Verified login = new VerifiedLogins.Verified(
                subject.getPrincipals(UserPrincipal.class).stream().findFirst().map(Principal::getName).orElse(name),
                subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName)
                        .collect(Collectors.toUnmodifiableSet()));
        remembered.remember(name, password, login, generation);
        return login;
    }

    /** After a login changed on any node, every login is checked against the realm again. */
    private void noticeLoginChanges() {
        long now = System.nanoTime();
        if (now - lastLook < LOOK_EVERY_NANOS) {
            return;
        }
        lastLook = now;
        Instant last = logins.lastChange();
        if (!last.equals(loginsChanged)) {
            verified.forgetAll();
            loginsChanged = last;
        }
    }
}
