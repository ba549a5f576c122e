package org.civicbackbone.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civicbackbone.api.login.ConsoleSession;
import org.civicbackbone.api.login.ConsoleSessions;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Console sessions as rows of {@code core_session} (ADR 0020): any node finds a session another node started, and
 * a login's change (in {@link RealmLogins}) deletes its sessions in the transaction that makes it. The token is
 * random (256 bits) and only its SHA-256 digest is stored, so reading the table gives nobody a live session. Use
 * is written at most every {@link #SEEN_EVERY} so that reading pages does not write a row each time.
 */
@Component(service = ConsoleSessions.class)
public class DatabaseSessions implements ConsoleSessions {

    /** How stale the recorded last use may get before a request writes it again. */
    static final Duration SEEN_EVERY = Duration.ofSeconds(30);

    private final BackboneStore store;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public DatabaseSessions(@Reference BackboneStore store) {
        this(store, InstantSource.system());
    }

    DatabaseSessions(BackboneStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
        store.migrate(CoreSchema.MODULE, CoreSchema.MIGRATIONS);
    }

    @Override
    public ConsoleSession open(String login, Set<String> roles, Duration idle, Duration maximum) {
        String token = token();
        String csrf = token();
        Instant now = clock.instant();
        Instant endsAt = now.plus(maximum);
        String digest = digest(token);
        store.inTransaction(c -> {
            SessionRecords sessions = store.mapper(c, SessionRecords.class);
            sessions.deleteEnded(now); // sessions past their maximum go as new ones come
            sessions.insert(digest, login, csrf, now, idle.toSeconds(), endsAt);
            for (String role : roles) {
                sessions.insertRole(digest, role);
            }
            return null;
        });
        return new ConsoleSession(token, login, roles, csrf, earlier(now.plus(idle), endsAt));
    }

    @Override
    public Optional<ConsoleSession> find(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String digest = digest(token);
        Instant now = clock.instant();
        List<SessionRecords.SessionRole> found = store.read(c -> store.mapper(c, SessionRecords.class).find(digest));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionRecords.SessionRow row = found.get(0).session();
        Set<String> roles = new HashSet<>();
        found.stream().map(SessionRecords.SessionRole::role).filter(java.util.Objects::nonNull).forEach(roles::add);
        Instant lastSeen = row.lastSeenAt();
        if (!now.isBefore(lastSeen.plusSeconds(row.idleSeconds())) || !now.isBefore(row.endsAt())) {
            return Optional.empty(); // ended: deleted at sign-out or by a later sign-in's sweep
        }
        if (Duration.between(lastSeen, now).compareTo(SEEN_EVERY) >= 0) {
            store.inTransaction(c -> store.mapper(c, SessionRecords.class).seen(digest, now));
            lastSeen = now;
        }
        return Optional.of(new ConsoleSession(token, row.login(), roles, row.csrfToken(),
                earlier(lastSeen.plusSeconds(row.idleSeconds()), row.endsAt())));
    }

    @Override
    public void close(String token) {
        if (token != null && !token.isEmpty()) {
            store.inTransaction(c -> store.mapper(c, SessionRecords.class).delete(digest(token)));
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
