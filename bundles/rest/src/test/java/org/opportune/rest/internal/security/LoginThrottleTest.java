package org.opportune.rest.internal.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class LoginThrottleTest {
    private final LoginCacheTest.MutableClock clock = new LoginCacheTest.MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    public void fiveFailuresPassTheSixthAttemptWaitsTwoSeconds() {
        for (int i = 1; i <= 4; i++) {
            fail("mallory");
            assertEquals("after " + i + " failures", Duration.ZERO, throttle.blockedFor("mallory"));
        }
        fail("mallory");

        assertEquals(Duration.ofSeconds(2), throttle.blockedFor("mallory"));
        assertEquals(Duration.ofSeconds(2), throttle.begin("mallory").refusedFor());
    }

    @Test
    public void eachFurtherFailureDoublesTheBlockUpToFiveMinutes() {
        failTimes("mallory", 5);
        List<Long> blocks = new ArrayList<>();
        blocks.add(throttle.blockedFor("mallory").toSeconds());
        for (int i = 0; i < 9; i++) {
            clock.now = clock.now.plus(throttle.blockedFor("mallory")); // waits as Retry-After says
            assertEquals(Duration.ZERO, throttle.blockedFor("mallory"));
            fail("mallory");
            blocks.add(throttle.blockedFor("mallory").toSeconds());
        }

        assertEquals(List.of(2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L), blocks);
    }

    @Test
    public void aBlockEndsByItselfAndCountsDown() {
        failTimes("mallory", 5);

        clock.now = clock.now.plusMillis(1500);
        assertEquals(Duration.ofMillis(500), throttle.blockedFor("mallory"));
        clock.now = clock.now.plusMillis(500);
        assertEquals(Duration.ZERO, throttle.blockedFor("mallory"));
        assertEquals(Duration.ZERO, throttle.begin("mallory").refusedFor());
    }

    @Test
    public void oneWarningWhenANameBecomesBlockedNotOneForEachAttempt() {
        Logger log = mock(Logger.class);
        LoginThrottle logged = new LoginThrottle(clock, 100, log);
        for (int i = 0; i < 5; i++) {
            logged.begin("mallory").failed("192.0.2.7");
        }
        for (int i = 0; i < 20; i++) {
            logged.begin("mallory"); // refused
            logged.blockedFor("mallory");
        }
        clock.now = clock.now.plusSeconds(2);
        logged.begin("mallory").failed("192.0.2.7"); // blocked longer

        verify(log, times(1)).warn(anyString(), eq("mallory"), eq(2L), eq(5), eq(60L), eq("192.0.2.7"), eq(300L));
        assertEquals("one warning in all", 1, mockingDetails(log).getInvocations().stream()
                .filter(call -> call.getMethod().getName().equals("warn")).count());
    }

    @Test
    public void otherUserNamesAreNotAffected() {
        failTimes("mallory", 5);

        assertTrue(throttle.blockedFor("mallory").toSeconds() > 0);
        assertEquals(Duration.ZERO, throttle.blockedFor("admin"));
        assertEquals(Duration.ZERO, throttle.begin("admin").refusedFor());
        failTimes("admin", 4);
        assertEquals(Duration.ZERO, throttle.blockedFor("admin"));
    }

    @Test
    public void aSuccessForgetsTheFailures() {
        failTimes("jo", 4);
        throttle.begin("jo").succeeded();

        failTimes("jo", 4);
        assertEquals("four failures after the success are only four", Duration.ZERO, throttle.blockedFor("jo"));
        assertEquals(0, sizeAfterSuccess("jo"));
    }

    @Test
    public void failuresOlderThanAMinuteAreForgotten() {
        failTimes("jo", 4);
        clock.now = clock.now.plusSeconds(61);

        failTimes("jo", 4);
        assertEquals(Duration.ZERO, throttle.blockedFor("jo"));
        fail("jo");
        assertEquals(Duration.ofSeconds(2), throttle.blockedFor("jo"));
    }

    @Test
    public void aQuietMinuteAfterABlockForgivesTheName() {
        failTimes("jo", 5);
        clock.now = clock.now.plusSeconds(2);
        fail("jo"); // blocked for 2, now 4 seconds
        clock.now = clock.now.plusSeconds(4 + 59);
        fail("jo");
        assertEquals("not forgiven yet: the next failure blocks longer", Duration.ofSeconds(8), throttle.blockedFor("jo"));

        clock.now = clock.now.plusSeconds(8 + 60);
        fail("jo");
        assertEquals("forgiven: one failure is just one", Duration.ZERO, throttle.blockedFor("jo"));
    }

    @Test
    public void onceBlockedANameGetsOneAttemptAtATime() {
        failTimes("mallory", 5);
        clock.now = clock.now.plusSeconds(2);

        LoginThrottle.Attempt first = throttle.begin("mallory");
        assertEquals(Duration.ZERO, first.refusedFor());
        assertEquals("a second one in parallel waits", Duration.ofSeconds(1),
                throttle.begin("mallory").refusedFor());
        first.ended(); // e.g. the realm could not be asked: no verdict
        assertEquals(Duration.ZERO, throttle.begin("mallory").refusedFor());
    }

    @Test
    public void aNameWithFailuresHasNoMoreAttemptsUnderWayThanItHasLeft() {
        failTimes("mallory", 3);

        LoginThrottle.Attempt first = throttle.begin("mallory");
        LoginThrottle.Attempt second = throttle.begin("mallory");
        assertEquals(Duration.ZERO, second.refusedFor());
        assertEquals(Duration.ofSeconds(1), throttle.begin("mallory").refusedFor());
        first.failed("192.0.2.7");
        second.failed("192.0.2.7");
        assertEquals(Duration.ofSeconds(2), throttle.blockedFor("mallory"));
    }

    @Test
    public void concurrentFailuresAreEachCounted() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 50; round++) {
                LoginThrottle fresh = new LoginThrottle(clock);
                failConcurrently(threads, fresh, "four", 4);
                failConcurrently(threads, fresh, "five", 5);
                failConcurrently(threads, fresh, "eight", 8);
                assertEquals(Duration.ZERO, fresh.blockedFor("four"));
                assertEquals(Duration.ofSeconds(2), fresh.blockedFor("five"));
                assertEquals("blocks of 2, 4, 8 and 16 s", Duration.ofSeconds(16), fresh.blockedFor("eight"));
                fresh.begin("four").failed("192.0.2.7");
                assertEquals(Duration.ofSeconds(2), fresh.blockedFor("four"));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    public void concurrentAttemptsGetNoMoreThanTheFailuresLeft() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 50; round++) {
                LoginThrottle fresh = new LoginThrottle(clock);
                for (int i = 0; i < 3; i++) {
                    fresh.begin("mallory").failed("192.0.2.7");
                }
                CountDownLatch start = new CountDownLatch(1);
                List<Future<LoginThrottle.Attempt>> attempts = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    attempts.add(threads.submit(() -> {
                        start.await();
                        return fresh.begin("mallory");
                    }));
                }
                start.countDown();
                int allowed = 0;
                for (Future<LoginThrottle.Attempt> attempt : attempts) {
                    allowed += attempt.get(10, TimeUnit.SECONDS).refusedFor().isZero() ? 1 : 0;
                }
                assertEquals("two failures left before the block", 2, allowed);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    public void manyDistinctNamesDoNotGrowItWithoutBound() {
        LoginThrottle small = new LoginThrottle(clock, 100, LoggerFactory.getLogger(LoginThrottle.class));
        for (int i = 0; i < 5; i++) {
            small.begin("target").failed("192.0.2.7");
        }
        for (int i = 0; i < 1_000; i++) {
            clock.now = clock.now.plusMillis(1);
            small.begin("spray" + i).failed("192.0.2.7");
            if (i % 10 == 0) {
                small.begin("target"); // the targeted name stays in use
            }
        }

        assertTrue(small.size() + " names", small.size() <= 100);
        assertTrue("the name still in use stays blocked", small.blockedFor("target").toMillis() > 0);
    }

    @Test
    public void forgivenNamesGoFirst() {
        LoginThrottle small = new LoginThrottle(clock, 10, LoggerFactory.getLogger(LoginThrottle.class));
        for (int i = 0; i < 10; i++) {
            small.begin("old" + i).failed("192.0.2.7");
        }
        clock.now = clock.now.plusSeconds(61);
        small.begin("new").failed("192.0.2.7");

        assertEquals(1, small.size());
    }

    /** Attempts that all passed the check before any failure came back, as parallel requests of a fresh name do. */
    private void failConcurrently(ExecutorService threads, LoginThrottle target, String user, int count)
            throws Exception {
        List<LoginThrottle.Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LoginThrottle.Attempt attempt = target.begin(user);
            assertEquals(Duration.ZERO, attempt.refusedFor());
            attempts.add(attempt);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> failures = new ArrayList<>();
        for (LoginThrottle.Attempt attempt : attempts) {
            failures.add(threads.submit(() -> {
                start.await();
                attempt.failed("192.0.2.7");
                return null;
            }));
        }
        start.countDown();
        for (Future<?> failure : failures) {
            failure.get(10, TimeUnit.SECONDS);
        }
    }

    private int sizeAfterSuccess(String user) {
        throttle.begin(user).succeeded();
        return throttle.size();
    }

    private void failTimes(String user, int times) {
        for (int i = 0; i < times; i++) {
            fail(user);
        }
    }

    private void fail(String user) {
        LoginThrottle.Attempt attempt = throttle.begin(user);
        assertEquals(user + " may try", Duration.ZERO, attempt.refusedFor());
        attempt.failed("192.0.2.7");
    }
}
