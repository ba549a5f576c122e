package org.civicbackbone.rest.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The web console's sign-in sessions: a random token in an HttpOnly, SameSite=Strict cookie stands for a login the
 * realm accepted, with a second random token that every write must echo in {@value #CSRF_HEADER} (a page of another
 * site can make the browser send the cookie, never read the token). A session ends when signed out, after
 * {@code idleNanos} without a request, after {@code maxNanos} in all, when the realm's entry of its login changes
 * ({@link #endChanged}: a new password, a removed login or a changed role takes effect at once, for that login only),
 * or when the realm itself is replaced ({@link #forgetAll()}). Kept in this JVM's memory: a restart signs everybody
 * out.
 */
final class SignedInSessions {

    /** The cookie that carries the session token. */
    static final String COOKIE = "backbone_session";
    /** The header that carries the session's CSRF token on writes. */
    static final String CSRF_HEADER = "X-CSRF-Token";

    /**
     * A signed-in person: who, with which roles, the token their writes carry, and the realm's entry of the login
     * when they signed in ({@link RealmFiles#fingerprint}; null where the realm keeps logins elsewhere).
     */
    record Session(String user, Set<String> roles, String csrfToken, long startedNanos, long lastSeenNanos,
                   String realmEntry) {
    }

    /** Memory bound: past this many sessions the oldest idle ones cannot crowd out new sign-ins forever. */
    private static final int MAX_SESSIONS = 10_000;

    private final long idleNanos;
    private final long maxNanos;
    private final LongSupplier nanoTime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    SignedInSessions(long idleNanos, long maxNanos, LongSupplier nanoTime) {
        this.idleNanos = idleNanos;
        this.maxNanos = maxNanos;
        this.nanoTime = nanoTime;
    }

    /** Starts a session for a verified login whose realm entry is as given; returns its token and the session. */
    Map.Entry<String, Session> open(VerifiedLogins.Verified login, String realmEntry) {
        long now = nanoTime.getAsLong();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> expired(s, now));
            if (sessions.size() >= MAX_SESSIONS) {
                sessions.clear();
            }
        }
        String token = token();
        Session session = new Session(login.user(), login.roles(), token(), now, now, realmEntry);
        sessions.put(token, session);
        return Map.entry(token, session);
    }

    /** The live session of a token, marked as seen now; null when there is none or it has ended. */
    Session find(String token) {
        if (token == null) {
            return null;
        }
        long now = nanoTime.getAsLong();
        Session session = sessions.get(token);
        if (session == null) {
            return null;
        }
        if (expired(session, now)) {
            sessions.remove(token, session);
            return null;
        }
        Session seen = new Session(session.user(), session.roles(), session.csrfToken(), session.startedNanos(), now,
                session.realmEntry());
        sessions.replace(token, session, seen);
        return seen;
    }

    /** Ends a session (sign-out). */
    void close(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    /** Ends the sessions of the logins whose realm entry is no longer the one they signed in with. */
    void endChanged(Function<String, String> realmEntryOf) {
        sessions.values().removeIf(s -> !Objects.equals(s.realmEntry(), realmEntryOf.apply(s.user())));
    }

    /** Ends every session: the realm was replaced under them. */
    void forgetAll() {
        sessions.clear();
    }

    /** Nanoseconds the session has left before it ends unless used (idle) or at all (maximum), whichever is less. */
    long remainingNanos(Session session) {
        long now = nanoTime.getAsLong();
        return Math.max(0, Math.min(session.lastSeenNanos() + idleNanos - now, session.startedNanos() + maxNanos - now));
    }

    private boolean expired(Session session, long now) {
        return now - session.lastSeenNanos() > idleNanos || now - session.startedNanos() > maxNanos;
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
