package org.opportune.rest.internal.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

import org.junit.Test;

public class LoginCacheTest {
    private final MutableClock clock = new MutableClock();
    private static final String LOCAL = "127.0.0.1";
    private final AuthenticatedUser admin = new AuthenticatedUser("admin", Set.of("admin"));

    @Test
    public void aLoginIsRememberedUntilItExpires() {
        LoginCache cache = new LoginCache(Duration.ofSeconds(60), clock);
        cache.put(LOCAL, "Basic YWRtaW46YWRtaW4=", admin);

        clock.now = clock.now.plusSeconds(59);
        assertEquals(admin, cache.get(LOCAL, "Basic YWRtaW46YWRtaW4=").orElseThrow());

        clock.now = clock.now.plusSeconds(1);
        assertTrue(cache.get(LOCAL, "Basic YWRtaW46YWRtaW4=").isEmpty());
        assertEquals("expired entries are dropped", 0, cache.size());
    }

    @Test
    public void anotherHeaderIsAnotherEntry() {
        LoginCache cache = new LoginCache(Duration.ofSeconds(60), clock);
        cache.put(LOCAL, "Basic YWRtaW46YWRtaW4=", admin);

        assertTrue(cache.get(LOCAL, "Basic YWRtaW46b3RoZXI=").isEmpty());
    }

    @Test
    public void aLoginFromOneAddressIsNotReusedForAnother() {
        LoginCache cache = new LoginCache(Duration.ofSeconds(60), clock);
        cache.put(LOCAL, "Basic YWRtaW46YWRtaW4=", admin);

        assertTrue(cache.get("192.0.2.7", "Basic YWRtaW46YWRtaW4=").isEmpty());
        assertTrue(cache.get(null, "Basic YWRtaW46YWRtaW4=").isEmpty());
    }

    @Test
    public void zeroSecondsTurnsTheCacheOff() {
        LoginCache cache = new LoginCache(Duration.ZERO, clock);
        cache.put(LOCAL, "Basic YWRtaW46YWRtaW4=", admin);

        assertTrue(cache.get(LOCAL, "Basic YWRtaW46YWRtaW4=").isEmpty());
    }

    @Test
    public void manyDistinctCredentialsDoNotGrowItWithoutBound() {
        LoginCache cache = new LoginCache(Duration.ofSeconds(60), clock);
        for (int i = 0; i < 5_000; i++) {
            cache.put(LOCAL, "Basic " + i, admin);
        }

        assertTrue(cache.size() <= 1_000);
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2024-01-10T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
