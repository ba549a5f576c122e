package org.civicbackbone.rest.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.civicbackbone.api.problem.Problem;

/**
 * Slows password guessing: after {@code limit} failed logins of one user from one address within the window, that
 * pair is refused without checking the password until the oldest failure leaves the window. An address failing for
 * many users is held the same way at ten times the limit. A success clears the user's failures from that address.
 */
final class LoginThrottle {

    /** The refusal of a login tried again too soon: 429, with the seconds to wait. */
    static Problem tooMany(long waitSeconds) {
        return new Problem("urn:civicbackbone:problem:too-many-logins", "Too many failed logins", 429,
                "Too many failed logins for this user from this address; try again in " + waitSeconds + " s.",
                java.util.List.of());
    }


    /** Memory bound: past this many tracked keys the oldest are forgotten, so a flood cannot exhaust the heap. */
    private static final int MAX_KEYS = 20_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(int limit, Duration window, Clock clock) {
        this.limit = Math.max(1, limit);
        this.window = window;
        this.clock = clock;
    }

    /** Seconds the caller must wait before trying again, or 0 when they may try now. */
    long retryAfterSeconds(String user, String address) {
        Instant now = clock.instant();
        long pair = wait(userKey(user, address), limit, now);
        long wide = wait(addressKey(address), limit * 10, now);
        return Math.max(pair, wide);
    }

    void failed(String user, String address) {
        if (failures.size() > MAX_KEYS) {
            failures.clear();
        }
        Instant now = clock.instant();
        record(userKey(user, address), now);
        record(addressKey(address), now);
    }

    void succeeded(String user, String address) {
        failures.remove(userKey(user, address));
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (times.size() > limit * 10) {
                times.removeFirst();
            }
        }
    }

    private long wait(String key, int max, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            Instant since = now.minus(window);
            times.removeIf(t -> t.isBefore(since));
            if (times.size() < max) {
                return 0;
            }
            Instant oldestCounted = times.stream().skip(times.size() - max).findFirst().orElse(now);
            return Math.max(1, Duration.between(now, oldestCounted.plus(window)).toSeconds());
        }
    }

    private static String userKey(String user, String address) {
        return "u:" + user.toLowerCase(java.util.Locale.ROOT) + "@" + address;
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
