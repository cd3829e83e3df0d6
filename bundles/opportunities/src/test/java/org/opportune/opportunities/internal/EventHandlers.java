package org.opportune.opportunities.internal;

import java.lang.reflect.Proxy;

import org.osgi.framework.ServiceReference;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** Registrations of event handlers, as DS hands them to {@link Modules}: only their properties are read. */
final class EventHandlers {
    private EventHandlers() {
    }

    /** A handler registered with {@code event.topics} = {@code topics}. */
    @SuppressWarnings("unchecked")
    static ServiceReference<EventHandler> listeningTo(String... topics) {
        return (ServiceReference<EventHandler>) Proxy.newProxyInstance(EventHandlers.class.getClassLoader(),
                new Class<?>[] { ServiceReference.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> EventConstants.EVENT_TOPIC.equals(args[0]) ? topics : null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "handler of " + String.join(", ", topics);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
