package org.opportune.rest.internal.whiteboard;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a reload a short delay after it is asked for, once for all the requests that arrive
 * meanwhile: a feature installing ten resources causes one Jersey reload, not ten.
 */
final class ReloadBatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadBatcher.class);

    private final Runnable reload;
    private final Duration delay;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean pending = new AtomicBoolean();

    ReloadBatcher(Runnable reload, Duration delay) {
        this.reload = reload;
        this.delay = delay;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "opportune-rest-reload");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Asks for a reload; returns at once. */
    void request() {
        if (!pending.compareAndSet(false, true)) {
            return; // one is scheduled and will see this change too
        }
        try {
            executor.schedule(this::run, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            pending.set(false);
        }
    }

    private void run() {
        pending.set(false); // changes from now on schedule the next reload
        try {
            reload.run();
        } catch (RuntimeException e) {
            LOG.error("reloading the REST application failed", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("a REST reload did not finish within 5 s of shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
