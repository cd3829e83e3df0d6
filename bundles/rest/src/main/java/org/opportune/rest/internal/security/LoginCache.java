package org.opportune.rest.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers successful logins for a short time, so that a client making many requests does not
 * make the realm read {@code users.properties} for each. Keyed by a SHA-256 of the client's address
 * and the whole Authorization header: the password is never kept, a changed password misses the
 * cache, and a login the realm took from one address (a local-only password from this machine) is
 * never reused for another. Failures are never cached.
 */
public final class LoginCache {
    private static final int MAX_ENTRIES = 1_000;

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** @param ttl how long a login is trusted; zero turns the cache off */
    public LoginCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    public Optional<AuthenticatedUser> get(String client, String authorization) {
        if (ttl.isZero() || ttl.isNegative()) {
            return Optional.empty();
        }
        String key = key(client, authorization);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.user());
    }

    public void put(String client, String authorization, AuthenticatedUser user) {
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        Instant now = clock.instant();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(entry -> !now.isBefore(entry.expires()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear(); // many distinct credentials at once: start over rather than grow
            }
        }
        entries.put(key(client, authorization), new Entry(user, now.plus(ttl)));
    }

    int size() {
        return entries.size();
    }

    private static String key(String client, String authorization) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((client + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(authorization.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private record Entry(AuthenticatedUser user, Instant expires) {
    }
}
