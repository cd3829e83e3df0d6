package org.opportune.opportunities.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.ServiceReference;
import org.osgi.service.event.EventConstants;

/**
 * The topics the registered EventHandlers listen to ({@code event.topics}), so that an event nobody listens to is
 * neither built nor posted: EventAdmin would still queue and dispatch it on its threads, on every move. Only the
 * handlers' service properties are read, never the handlers themselves (which would activate them).
 */
final class HandlerTopics {
    private final Map<ServiceReference<?>, List<String>> topics = new ConcurrentHashMap<>();

    void add(ServiceReference<?> handler) {
        topics.put(handler, topicsOf(handler.getProperty(EventConstants.EVENT_TOPIC)));
    }

    void remove(ServiceReference<?> handler) {
        topics.remove(handler);
    }

    /** Whether a handler listens to {@code topic}: named exactly, or by a prefix ending in {@code *}. */
    boolean listened(String topic) {
        for (List<String> handled : topics.values()) {
            for (String pattern : handled) {
                if (pattern.equals(topic) || pattern.endsWith("*")
                        && topic.startsWith(pattern.substring(0, pattern.length() - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The property is a String, a String[] or a collection of Strings (OSGi Compendium, Event Admin 113.6.1). */
    private static List<String> topicsOf(Object property) {
        if (property instanceof String topic) {
            return List.of(topic);
        }
        if (property instanceof String[] list) {
            return List.of(list);
        }
        if (property instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
