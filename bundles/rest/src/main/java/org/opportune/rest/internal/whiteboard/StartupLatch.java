package org.opportune.rest.internal.whiteboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the API has started: every installed module (what {@code /health} reports) has its service registered
 * and the application served includes every built-in resource of this bundle, both at once, once since the
 * whiteboard was activated. Until then every request but {@code /health} is answered 503 with
 * {@value #RETRY_AFTER_SECONDS} seconds in Retry-After (see {@link StartingGate}), so that a client polling a
 * record during the boot never sees a 404 for it. Once started it stays started: a module that goes away later
 * makes its own paths 503, nothing else.
 */
public final class StartupLatch {
    /** What a client is told to wait before asking again while the node starts. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(StartupLatch.class);

    private final Supplier<Map<String, Boolean>> modules;
    private final Set<String> builtInResources;
    private final Clock clock;
    private final Instant deadline;
    private volatile Set<String> served = Set.of();
    private volatile boolean started;
    private String logged;

    /**
     * @param modules          the installed modules now, each with whether its service is registered
     * @param builtInResources the implementation class names of this bundle's resources
     * @param longest          how long to wait at most: then the API opens anyway, so that a module an
     *                         administrator stopped (Karaf keeps it stopped across restarts) cannot keep it closed
     */
    public StartupLatch(Supplier<Map<String, Boolean>> modules, Set<String> builtInResources, Duration longest,
            Clock clock) {
        this.modules = modules;
        this.builtInResources = Set.copyOf(builtInResources);
        this.clock = clock;
        this.deadline = clock.instant().plus(longest);
    }

    /** A latch that is started already: nothing to wait for. */
    public static StartupLatch started() {
        StartupLatch latch = new StartupLatch(Map::of, Set.of(), Duration.ZERO, Clock.systemUTC());
        latch.started = true;
        return latch;
    }

    /**
     * The application now serving requests, called once it has replaced the previous one.
     *
     * @param components what it was built from (resources, extensions, house providers: only the classes count)
     */
    public void serving(Collection<?> components) {
        served = components.stream().filter(Objects::nonNull).map(component -> component.getClass().getName())
                .collect(Collectors.toUnmodifiableSet());
        starting(); // may start now, without waiting for a request to ask
    }

    /**
     * Checks, and starts when nothing is missing any more.
     *
     * @return null once started, else the detail of the 503: what is still missing
     */
    public String starting() {
        if (started) {
            return null;
        }
        List<String> down = modules.get().entrySet().stream().filter(module -> !Boolean.TRUE.equals(module.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        Set<String> servedNow = served;
        List<String> absent = builtInResources.stream().filter(resource -> !servedNow.contains(resource)).sorted()
                .toList();
        if (down.isEmpty() && absent.isEmpty()) {
            open(() -> LOG.info("the REST API has started: every installed module and built-in resource is there"));
            return null;
        }
        if (!clock.instant().isBefore(deadline)) {
            open(() -> LOG.warn("the REST API opens without the modules {} and the resources {}: they were not there "
                    + "within startupTimeoutSeconds (etc/org.opportune.rest.cfg); their paths answer 503", down, absent));
            return null;
        }
        log(down, absent);
        return detail(down, absent.size());
    }

    private synchronized void open(Runnable announcement) {
        if (!started) {
            started = true;
            announcement.run();
        }
    }

    private String detail(List<String> down, int absent) {
        StringBuilder missing = new StringBuilder();
        if (!down.isEmpty()) {
            missing.append(down.size() == 1 ? "the module " : "the modules ").append(String.join(", ", down))
                    .append(down.size() == 1 ? " is" : " are").append(" not running yet");
        }
        if (absent > 0) {
            missing.append(missing.length() == 0 ? "" : "; ").append(absent).append(" of ")
                    .append(builtInResources.size()).append(" built-in resources ")
                    .append(absent == 1 ? "is" : "are").append(" not served yet");
        }
        return "Opportune is starting: " + missing + "; retry shortly";
    }

    /** Tells the log what the API waits for, each time that changes; the names of absent resources only here. */
    private synchronized void log(List<String> down, List<String> absent) {
        String waiting = "modules " + down + ", resources " + absent;
        if (!waiting.equals(logged) && !started) {
            logged = waiting;
            LOG.info("the REST API is starting; waiting for the {}", waiting);
        }
    }
}
