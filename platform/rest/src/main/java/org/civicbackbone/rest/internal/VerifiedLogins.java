package org.civicbackbone.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Logins the JAAS realm verified a short while ago. A client sends its Basic header with every request; checking it
 * against the realm each time (a JAAS login: the login modules built anew, the users file read and parsed) cost more
 * than most requests themselves. A login is remembered for {@code ttl} and only with the same password, kept as a
 * salted SHA-256 so the heap never holds it in the clear. Everything is forgotten the moment the realm may have
 * changed ({@link #forgetAll()}: the realm service changed, or a login changed, {@link RealmPasswords}), so a changed
 * password or a removed role takes effect on the next request, not when the entry expires.
 */
final class VerifiedLogins {

    /** A login the realm accepted: who it is and their roles. */
    record Verified(String user, Set<String> roles) {
    }

    private record Entry(Verified login, byte[] password, long expires) {
    }

    /** Memory bound: past this many remembered logins all are forgotten, so a flood cannot grow the heap. */
    private static final int MAX_LOGINS = 10_000;

    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final byte[] salt = new byte[16];
    private final Map<String, Entry> logins = new ConcurrentHashMap<>();
    /** Counts {@link #forgetAll()}: a login checked against the realm before it changed is not remembered after. */
    private final AtomicLong generation = new AtomicLong();

    /**
     * @param ttlNanos how long a verified login is trusted; 0 or less remembers nothing
     * @param nanoTime the clock, {@code System::nanoTime} outside tests
     */
    VerifiedLogins(long ttlNanos, LongSupplier nanoTime) {
        this.ttlNanos = ttlNanos;
        this.nanoTime = nanoTime;
        new SecureRandom().nextBytes(salt);
    }

    /** The login remembered for this user and password, or null when it must be checked against the realm. */
    Verified find(String user, String password) {
        Entry entry = logins.get(user);
        if (entry == null) {
            return null;
        }
        if (nanoTime.getAsLong() - entry.expires() > 0) {
            logins.remove(user, entry);
            return null;
        }
        return MessageDigest.isEqual(entry.password(), digest(password)) ? entry.login() : null;
    }

    /** The current generation, to read before checking a login against the realm. */
    long generation() {
        return generation.get();
    }

    /**
     * Remembers a login the realm has just accepted, unless everything was forgotten since {@code checkedIn} (the
     * realm may have changed while it was being checked).
     */
    void remember(String user, String password, Verified login, long checkedIn) {
        if (ttlNanos <= 0 || generation.get() != checkedIn) {
            return;
        }
        if (logins.size() >= MAX_LOGINS) {
            logins.clear();
        }
        logins.put(user, new Entry(login, digest(password), nanoTime.getAsLong() + ttlNanos));
    }

    /** Forgets every login: the realm may have changed. */
    void forgetAll() {
        generation.incrementAndGet();
        logins.clear();
    }

    private byte[] digest(String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
            byte[] hash = sha.digest(bytes);
            Arrays.fill(bytes, (byte) 0);
            return hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
