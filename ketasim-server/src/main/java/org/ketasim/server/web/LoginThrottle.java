package org.ketasim.server.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate limit for logins: at most {@code maxFailures} failed attempts per username and per client address
 * within a sliding window; further attempts are refused (429) until the oldest failure leaves the window.
 */
final class LoginThrottle {

    private final int maxFailures;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(int maxFailures, Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Seconds to wait before another attempt is allowed, or 0. */
    long retryAfterSeconds(String username, String address, Instant now) {
        return Math.max(wait("u:" + username.toLowerCase(Locale.ROOT), now, maxFailures),
                wait("a:" + address, now, maxFailures * 4));
    }

    void failed(String username, String address, Instant now) {
        add("u:" + username.toLowerCase(Locale.ROOT), now);
        add("a:" + address, now);
    }

    void succeeded(String username) {
        failures.remove("u:" + username.toLowerCase(Locale.ROOT));
    }

    private void add(String key, Instant now) {
        Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) {
            d.addLast(now);
            while (d.size() > 100) {
                d.removeFirst();
            }
        }
    }

    private long wait(String key, Instant now, int max) {
        Deque<Instant> d = failures.get(key);
        if (d == null) {
            return 0;
        }
        synchronized (d) {
            while (!d.isEmpty() && d.peekFirst().plus(window).isBefore(now)) {
                d.removeFirst();
            }
            if (d.size() < max) {
                return 0;
            }
            return Math.max(1, Duration.between(now, d.peekFirst().plus(window)).toSeconds());
        }
    }
}
