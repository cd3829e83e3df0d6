package org.opportune.rest.internal.resources;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.opportune.api.whiteboard.RankedRegistry;
import org.opportune.api.whiteboard.RankedRegistry.Registration;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Plug-ins that no module lists through its service (usage checks, move participants), kept here
 * for {@code /extensions} the way their owners keep them: one {@link RankedRegistry} per group (a
 * usage check's group is the kind of record it checks), so that what is listed as active is what
 * the owner uses. The owners log refusals; this copy only lists them.
 *
 * @param <T> the service type
 */
final class PluggedInServices<T> {
    private final String kind;
    private final String nameProperty;
    private final String groupProperty;
    private final Map<String, RankedRegistry<T>> groups = new ConcurrentHashMap<>();
    private final Map<T, String> groupOf = new ConcurrentHashMap<>();

    /** @param groupProperty the service property that groups them, null for one group */
    PluggedInServices(String kind, String nameProperty, String groupProperty) {
        this.kind = kind;
        this.nameProperty = nameProperty;
        this.groupProperty = groupProperty;
    }

    void add(T service, Map<String, ?> properties) {
        Bundle bundle = FrameworkUtil.getBundle(service.getClass());
        String group = group(properties);
        groupOf.put(service, group);
        groups.computeIfAbsent(group, key -> new RankedRegistry<>(kind, nameProperty, refusal -> { }))
                .add(service, properties, bundle == null ? null : bundle.getSymbolicName());
    }

    /** Takes changed properties, e.g. a new ranking, keeping the registration's place in its group. */
    void update(T service, Map<String, ?> properties) {
        if (group(properties).equals(groupOf.get(service))) {
            groups.get(groupOf.get(service)).update(service, properties);
        } else {
            remove(service);
            add(service, properties);
        }
    }

    void remove(T service) {
        String group = groupOf.remove(service);
        RankedRegistry<T> registry = group == null ? null : groups.get(group);
        if (registry != null) {
            registry.remove(service);
        }
    }

    /** @return every registration with its group, by group and then as the registry orders them */
    List<Grouped<T>> registrations() {
        return groups.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .flatMap(group -> group.getValue().registrations().stream()
                        .map(registration -> new Grouped<>(group.getKey(), registration)))
                .toList();
    }

    private String group(Map<String, ?> properties) {
        Object group = groupProperty == null ? null : properties.get(groupProperty);
        return group == null ? "" : group.toString().trim();
    }

    record Grouped<T>(String group, Registration<T> registration) {
    }
}
