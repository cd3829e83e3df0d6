package org.opportune.rest.internal.whiteboard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

public class ReloadBatcherTest {

    @Test
    public void requestsArrivingTogetherCauseOneReload() throws Exception {
        AtomicInteger reloads = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        try (ReloadBatcher batcher = new ReloadBatcher(() -> {
            reloads.incrementAndGet();
            first.countDown();
        }, Duration.ofMillis(100))) {
            for (int i = 0; i < 10; i++) {
                batcher.request();
            }
            assertTrue(first.await(5, TimeUnit.SECONDS));
            Thread.sleep(300);
            assertEquals(1, reloads.get());

            batcher.request();
            waitFor(() -> reloads.get() == 2);
        }
    }

    @Test
    public void aRequestDuringAReloadCausesAnotherReload() throws Exception {
        AtomicInteger reloads = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ReloadBatcher batcher = new ReloadBatcher(() -> {
            if (reloads.incrementAndGet() == 1) {
                running.countDown();
                await(release);
            }
        }, Duration.ofMillis(10))) {
            batcher.request();
            assertTrue(running.await(5, TimeUnit.SECONDS));
            batcher.request(); // a service arrived while the first reload builds
            release.countDown();
            waitFor(() -> reloads.get() == 2);
        }
    }

    @Test
    public void afterCloseRequestsAreIgnoredAndAFailingReloadDoesNotStopLaterOnes() throws Exception {
        AtomicInteger reloads = new AtomicInteger();
        ReloadBatcher batcher = new ReloadBatcher(() -> {
            if (reloads.incrementAndGet() == 1) {
                throw new IllegalStateException("a resource could not be modelled");
            }
        }, Duration.ofMillis(10));
        batcher.request();
        waitFor(() -> reloads.get() == 1);
        batcher.request();
        waitFor(() -> reloads.get() == 2);

        batcher.close();
        batcher.request();
        Thread.sleep(100);
        assertEquals(2, reloads.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
