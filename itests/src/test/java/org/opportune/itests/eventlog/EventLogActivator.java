package org.opportune.itests.eventlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Registers an {@link EventHandler} for every {@code org/opportune/*} topic that appends a line
 * {@code <topic> <opportunityNo>} per event to {@value #FILE} under {@code ${karaf.data}}, so that a test outside the
 * JVM can see which events a node posted. Once the handler is registered it appends {@code READY <pid>}, the pid of
 * the JVM, so that a test tells this start from an earlier one. Packed into a bundle of its own by {@code TwoNodesPostgresIT} (TinyBundles), dropped into
 * {@code deploy/}.
 */
public class EventLogActivator implements BundleActivator {
    public static final String FILE = "opportune-events.log";
    public static final String READY = "READY";

    @Override
    public void start(BundleContext context) {
        Path file = Path.of(context.getProperty("karaf.data"), FILE);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, "org/opportune/*");
        context.registerService(EventHandler.class, event -> append(file, event.getTopic() + " "
                + event.getProperty("opportunityNo")), properties);
        append(file, READY + " " + ProcessHandle.current().pid());
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the handler
    }

    /** Synchronized: EventAdmin may deliver asynchronous events on more than one thread. */
    private static synchronized void append(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
