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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers successful logins for a short time, so that a client making many requests does not
 * make the realm read {@code users.properties} for each. Keyed by a SHA-256 of the client's address
 * and the whole Authorization header: the password is never kept, a changed password misses the
 * cache, and a login the realm took from one address (a local-only password from this machine) is
 * never reused for another. Failures are never cached.
 * <p>
 * A changed password or a removed role must not keep working for the whole time a login is remembered: with the
 * realm's users file watched ({@link FileChangeWatch}, looked at no more than once a second), every login is
 * forgotten as soon as the file's modification time or size changed, so a change takes effect within about a
 * second. Without a watched file (another realm: LDAP, a database) the time a login is remembered is the bound.
 */
public final class LoginCache {
    private static final int MAX_ENTRIES = 1_000;

    private final Duration ttl;
    private final Clock clock;
    private final FileChangeWatch usersFile;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Counts the times the users file was seen changed: a login the realm gave before that is not remembered. */
    private final AtomicLong generation = new AtomicLong();

    /** @param ttl how long a login is trusted; zero turns the cache off */
    public LoginCache(Duration ttl, Clock clock) {
        this(ttl, clock, null);
    }

    /**
     * @param ttl       how long a login is trusted; zero turns the cache off
     * @param usersFile the realm's users file, every login is forgotten when it changes; null for none
     */
    public LoginCache(Duration ttl, Clock clock, FileChangeWatch usersFile) {
        this.ttl = ttl;
        this.clock = clock;
        this.usersFile = usersFile;
    }

    public Optional<AuthenticatedUser> get(String client, String authorization) {
        if (ttl.isZero() || ttl.isNegative()) {
            return Optional.empty();
        }
        forgetAllIfUsersChanged();
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

    /**
     * Takes a generation before asking the realm, to {@link #put(String, String, AuthenticatedUser, long) put} its
     * answer with.
     */
    public long generation() {
        return generation.get();
    }

    /** Remembers a login the realm gave just now. */
    public void put(String client, String authorization, AuthenticatedUser user) {
        put(client, authorization, user, generation());
    }

    /**
     * Remembers a login unless the users file was seen changed since the realm was asked: the realm may have
     * read the file before the change.
     *
     * @param generation {@link #generation()} before the realm was asked
     */
    public void put(String client, String authorization, AuthenticatedUser user, long generation) {
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        forgetAllIfUsersChanged();
        if (generation != this.generation.get()) {
            return;
        }
        Instant now = clock.instant();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(entry -> !now.isBefore(entry.expires()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear(); // many distinct credentials at once: start over rather than grow
            }
        }
        String key = key(client, authorization);
        Entry entry = new Entry(user, now.plus(ttl));
        entries.put(key, entry);
        if (generation != this.generation.get()) {
            entries.remove(key, entry); // the file was seen changed while this was put: the clear may have missed it
        }
    }

    private void forgetAllIfUsersChanged() {
        if (usersFile != null && usersFile.changed()) {
            generation.incrementAndGet(); // first: a put racing with the clear below then sees it
            entries.clear();
        }
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
