package org.opportune.opportunities.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.opportune.api.UnavailableException;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.CallerContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks for deals that became stale (DOMAIN §11) every {@code staleCheckSeconds} on this node, the first time shortly
 * after it starts, as the server ({@code system}); see {@link StaleDeals} for why every visit is posted once
 * whatever the nodes and restarts. Its own thread, stopped with the component. Logs one line per look that posted
 * something, nothing otherwise.
 */
@Component(configurationPid = OpportunitiesConfig.PID)
public class StaleDealsWatch {
    private static final Logger LOG = LoggerFactory.getLogger(StaleDealsWatch.class);
    /** Time for the other modules (cycles, EventAdmin) to come up with the server. */
    static final Duration FIRST_LOOK = Duration.ofSeconds(15);
    private static final int DEFAULT_SECONDS = 3600;
    private static final int NUMBERS_LOGGED = 10;

    private final StaleDeals deals;
    private final CallerContext callers;
    private final ScheduledExecutorService executor;
    private volatile boolean stopping;

    @Activate
    public StaleDealsWatch(@Reference OpportunityStore store, @Reference Modules modules,
            @Reference CallerContext callers, OpportunitiesConfig config) {
        this(new StaleDeals(store, modules), callers, period(config.staleCheckSeconds()), FIRST_LOOK);
    }

    StaleDealsWatch(StaleDeals deals, CallerContext callers, Duration period, Duration firstLook) {
        this.deals = deals;
        this.callers = callers;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "opportune-stale-deals");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::scheduledLook, firstLook.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static Duration period(int seconds) {
        if (seconds < 1) {
            LOG.warn("staleCheckSeconds of {} is {}, must be 1 or more; looking every {} s", OpportunitiesConfig.PID,
                    seconds, DEFAULT_SECONDS);
            return Duration.ofSeconds(DEFAULT_SECONDS);
        }
        return Duration.ofSeconds(seconds);
    }

    /** One look now, on the calling thread, as the server. */
    List<String> look() {
        return callers.callAs(Caller.system(), () -> deals.check(() -> stopping));
    }

    private void scheduledLook() {
        try {
            List<String> posted = look();
            if (!posted.isEmpty()) {
                LOG.info("{} deal(s) became stale, STALE posted: {}{}", posted.size(),
                        String.join(", ", posted.subList(0, Math.min(NUMBERS_LOGGED, posted.size()))),
                        posted.size() > NUMBERS_LOGGED ? ", ..." : "");
            }
        } catch (UnavailableException e) {
            LOG.debug("no look for stale deals: {}", e.getMessage());
        } catch (RuntimeException e) {
            // the next look tries again; an exception must not end the schedule
            LOG.warn("looking for stale deals failed", e);
        }
    }

    /** Lets a running look finish its claim (no interrupt in the middle of a transaction), then ends the thread. */
    @Deactivate
    public void stop() {
        stopping = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
