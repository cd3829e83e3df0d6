package org.opportune.reporting.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.opportune.api.report.Report;

/**
 * The reports registered right now, by id. When two registrations carry the same id, the one with
 * the higher {@code service.ranking} is used, on equal rankings the one registered first.
 */
final class ReportRegistry {

    /** One registration: the report with what its service properties say. */
    record Registration(Report report, String id, int ranking, long serviceId, String bundle) {
    }

    private static final Comparator<Registration> PRECEDENCE = Comparator.comparingInt(Registration::ranking)
            .reversed().thenComparingLong(Registration::serviceId);

    private volatile List<Registration> registrations = List.of();

    synchronized void add(Report report, Map<String, Object> properties, String bundle) {
        List<Registration> next = new ArrayList<>(registrations);
        Object id = properties.get(Report.ID_PROPERTY);
        next.add(new Registration(report, id == null ? report.id() : id.toString(), ranking(properties),
                serviceId(properties), bundle));
        registrations = List.copyOf(next);
    }

    synchronized void remove(Report report) {
        registrations = registrations.stream().filter(registration -> registration.report() != report).toList();
    }

    /** @return the report in use for each id, by id */
    List<Registration> inUse() {
        Map<String, Registration> byId = new TreeMap<>();
        registrations.stream().sorted(PRECEDENCE).forEach(registration -> byId.putIfAbsent(registration.id(),
                registration));
        return List.copyOf(byId.values());
    }

    Optional<Registration> find(String id) {
        return registrations.stream().filter(registration -> registration.id().equals(id)).sorted(PRECEDENCE)
                .findFirst();
    }

    private static int ranking(Map<String, Object> properties) {
        return properties.get("service.ranking") instanceof Integer ranking ? ranking : 0;
    }

    private static long serviceId(Map<String, Object> properties) {
        return properties.get("service.id") instanceof Long id ? id : Long.MAX_VALUE;
    }
}
