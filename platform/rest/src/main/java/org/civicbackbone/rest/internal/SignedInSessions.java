package org.civicbackbone.rest.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The web console's sign-in sessions: a random token in an HttpOnly, SameSite=Strict cookie stands for a login the
 * realm accepted, with a second random token that every write must echo in {@value #CSRF_HEADER} (a page of another
 * site can make the browser send the cookie, never read the token). A session ends when signed out, after
 * {@code idleNanos} without a request, after {@code maxNanos} in all, or when the realm may have changed
 * ({@link #forgetAll()}), so a removed user or a changed role takes effect at once. Kept in this JVM's memory: a
 * restart signs everybody out.
 */
final class SignedInSessions {

    /** The cookie that carries the session token. */
    static final String COOKIE = "backbone_session";
    /** The header that carries the session's CSRF token on writes. */
    static final String CSRF_HEADER = "X-CSRF-Token";

    /** A signed-in person: who, with which roles, and the token their writes carry. */
    record Session(String user, Set<String> roles, String csrfToken, long startedNanos, long lastSeenNanos) {
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

    /** Starts a session for a verified login; returns its token (for the cookie) and the session. */
    Map.Entry<String, Session> open(VerifiedLogins.Verified login) {
        long now = nanoTime.getAsLong();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> expired(s, now));
            if (sessions.size() >= MAX_SESSIONS) {
                sessions.clear();
            }
        }
        String token = token();
        Session session = new Session(login.user(), login.roles(), token(), now, now);
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
        Session seen = new Session(session.user(), session.roles(), session.csrfToken(), session.startedNanos(), now);
        sessions.replace(token, session, seen);
        return seen;
    }

    /** Ends a session (sign-out). */
    void close(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    /** Ends every session: the realm may have changed under them. */
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
