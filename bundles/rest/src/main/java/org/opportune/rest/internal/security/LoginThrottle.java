package org.opportune.rest.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down password guessing, per user name: after {@value #FAILURES_BEFORE_BLOCK} failed logins of one name
 * within {@link #WINDOW}, that name is blocked for 2 seconds, and each further failure blocks it twice as long
 * as the last time, up to {@link #LONGEST_BLOCK}. While a name is blocked nobody asks the realm for it, so
 * guessing stops; other names are not affected. Nothing sleeps: a blocked attempt is answered at once (429 with
 * Retry-After). A block ends by itself; a success forgets the name's failures, and so does a whole window
 * without a failure after the last block. Once blocked, a name gets one attempt at a time until it is forgiven,
 * so that many parallel requests at the end of a block are not many guesses.
 * <p>
 * Memory is bounded: at most {@code maxNames} names are tracked; past that the forgiven ones go first, then
 * those seen least recently.
 */
public final class LoginThrottle {
    public static final int FAILURES_BEFORE_BLOCK = 5;
    public static final Duration WINDOW = Duration.ofMinutes(1);
    public static final Duration FIRST_BLOCK = Duration.ofSeconds(2);
    public static final Duration LONGEST_BLOCK = Duration.ofSeconds(300);
    static final int MAX_NAMES = 10_000;

    private final Clock clock;
    private final int maxNames;
    private final Logger log;
    private final Map<String, Attempts> names = new ConcurrentHashMap<>();
    private final Object eviction = new Object();

    public LoginThrottle(Clock clock) {
        this(clock, MAX_NAMES, LoggerFactory.getLogger(LoginThrottle.class));
    }

    LoginThrottle(Clock clock, int maxNames, Logger log) {
        this.clock = clock;
        this.maxNames = maxNames;
        this.log = log;
    }

    /**
     * @return how long attempts for this user name are refused from now, {@link Duration#ZERO} when one may
     *         go to the realm
     */
    public Duration blockedFor(String user) {
        Attempts attempts = names.get(user);
        if (attempts == null) {
            return Duration.ZERO;
        }
        synchronized (attempts) {
            return attempts.blockedFor(clock.instant());
        }
    }

    /**
     * Reserves an attempt at the realm for this user name, atomically with the check that it is not blocked.
     *
     * @return the attempt to report the realm's answer to, or one whose {@link Attempt#refusedFor()} says how long
     *         to wait
     */
    public Attempt begin(String user) {
        Instant now = clock.instant();
        Duration[] refused = { Duration.ZERO };
        Attempts reserved = names.computeIfPresent(user, (name, attempts) -> {
            synchronized (attempts) {
                refused[0] = attempts.reserve(now);
            }
            return attempts;
        });
        if (!refused[0].isZero()) {
            return new Attempt(user, null, refused[0]);
        }
        return new Attempt(user, reserved, Duration.ZERO);
    }

    /** The number of user names tracked now. */
    int size() {
        return names.size();
    }

    private void failed(String user, Attempts reserved, String client) {
        Instant now = clock.instant();
        Duration[] newBlock = { Duration.ZERO };
        boolean[] firstBlock = { false };
        boolean[] added = { false };
        names.compute(user, (name, attempts) -> {
            Attempts counted = attempts;
            if (counted == null) {
                counted = new Attempts(now);
                added[0] = true;
            }
            synchronized (counted) {
                if (counted == reserved) {
                    counted.inFlight--;
                }
                newBlock[0] = counted.failed(now);
                firstBlock[0] = counted.blocks == 1 && !newBlock[0].isZero();
            }
            return counted;
        });
        if (firstBlock[0]) {
            log.warn("REST logins of user {} blocked for {} s after {} failed logins within {} s (last from {});"
                    + " each further failure blocks it longer, up to {} s", printable(user), newBlock[0].toSeconds(),
                    FAILURES_BEFORE_BLOCK, WINDOW.toSeconds(), client, LONGEST_BLOCK.toSeconds());
        } else if (!newBlock[0].isZero()) {
            log.debug("REST logins of user {} blocked for {} s", printable(user), newBlock[0].toSeconds());
        }
        if (added[0] && names.size() > maxNames) {
            evict(now);
        }
    }

    private void succeeded(String user) {
        names.remove(user);
    }

    private void ended(String user, Attempts reserved) {
        if (reserved != null) {
            synchronized (reserved) {
                reserved.inFlight--;
            }
        }
    }

    /** Drops forgiven names; if that is not enough, those seen least recently, down to 90% of the bound. */
    private void evict(Instant now) {
        synchronized (eviction) {
            if (names.size() <= maxNames) {
                return;
            }
            names.forEach((name, attempts) -> {
                boolean forgotten;
                synchronized (attempts) {
                    forgotten = attempts.forgotten(now);
                }
                if (forgotten) { // removed outside the monitor: compute takes the map's lock, then the monitor
                    names.remove(name, attempts);
                }
            });
            int excess = names.size() - maxNames * 9 / 10;
            if (excess > 0) {
                names.entrySet().stream()
                        .map(entry -> Map.entry(entry.getKey(), entry.getValue().lastSeen()))
                        .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                        .limit(excess)
                        .forEach(oldest -> names.remove(oldest.getKey()));
            }
        }
    }

    /** A user name as the log may show it: no line breaks or other control characters from a client. */
    private static String printable(String user) {
        return user.replaceAll("\\p{Cntrl}", "?");
    }

    /** One attempt at the realm for one user name: report how it ended, exactly once. */
    public final class Attempt {
        private final String user;
        private final Attempts reserved;
        private final Duration refusedFor;
        private boolean reported;

        private Attempt(String user, Attempts reserved, Duration refusedFor) {
            this.user = user;
            this.reserved = reserved;
            this.refusedFor = refusedFor;
        }

        /** @return how long to wait before the next attempt, {@link Duration#ZERO} when this one may go ahead */
        public Duration refusedFor() {
            return refusedFor;
        }

        /** The realm said the name or password is wrong. */
        public void failed(String client) {
            if (report()) {
                LoginThrottle.this.failed(user, reserved, client);
            }
        }

        /** The realm took the password: the name's failures are forgotten. */
        public void succeeded() {
            if (report()) {
                LoginThrottle.this.succeeded(user);
            }
        }

        /** The realm gave no verdict on the password (it could not be asked, or the password must be changed). */
        public void ended() {
            if (report()) {
                LoginThrottle.this.ended(user, reserved);
            }
        }

        private boolean report() {
            if (reported || !refusedFor.isZero()) {
                return false;
            }
            reported = true;
            return true;
        }
    }

    /** The recent failures of one user name; guarded by its own monitor. */
    private static final class Attempts {
        private final Deque<Instant> failures = new ArrayDeque<>();
        /** Blocks since the name was last forgiven; each one twice as long as the one before. */
        private int blocks;
        private Instant blockedUntil = Instant.MIN;
        private Instant lastSeen;
        /** Reserved attempts at the realm not answered yet. */
        private int inFlight;

        Attempts(Instant now) {
            this.lastSeen = now;
        }

        Duration blockedFor(Instant now) {
            return now.isBefore(blockedUntil) ? Duration.between(now, blockedUntil) : Duration.ZERO;
        }

        Duration reserve(Instant now) {
            lastSeen = now;
            Duration blocked = blockedFor(now);
            if (!blocked.isZero()) {
                return blocked;
            }
            forgiveIfQuiet(now);
            int allowed = blocks > 0 ? 1 : FAILURES_BEFORE_BLOCK - recentFailures(now);
            if (inFlight >= allowed) {
                return Duration.ofSeconds(1); // the attempts under way decide; ask again in a moment
            }
            inFlight++;
            return Duration.ZERO;
        }

        /** @return the block this failure starts, zero when none */
        Duration failed(Instant now) {
            lastSeen = now;
            forgiveIfQuiet(now);
            recentFailures(now);
            failures.addLast(now);
            if (failures.size() > FAILURES_BEFORE_BLOCK) {
                failures.removeFirst(); // only the last few matter
            }
            if (blocks == 0 && failures.size() < FAILURES_BEFORE_BLOCK) {
                return Duration.ZERO;
            }
            blocks++;
            Duration block = blockFor(blocks);
            Instant until = now.plus(block);
            if (until.isAfter(blockedUntil)) {
                blockedUntil = until;
            }
            return block;
        }

        boolean forgotten(Instant now) {
            forgiveIfQuiet(now);
            return inFlight <= 0 && blocks == 0 && recentFailures(now) == 0;
        }

        Instant lastSeen() {
            synchronized (this) {
                return lastSeen;
            }
        }

        private void forgiveIfQuiet(Instant now) {
            if (blocks > 0 && !now.isBefore(blockedUntil.plus(WINDOW))) {
                blocks = 0;
                failures.clear();
            }
        }

        private int recentFailures(Instant now) {
            Instant windowStart = now.minus(WINDOW);
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(windowStart)) {
                failures.removeFirst();
            }
            return failures.size();
        }

        private static Duration blockFor(int blocks) {
            long seconds = FIRST_BLOCK.toSeconds() << Math.min(blocks - 1, 20);
            return Duration.ofSeconds(Math.min(seconds, LONGEST_BLOCK.toSeconds()));
        }
    }
}
