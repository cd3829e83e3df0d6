package org.opportune.cycles.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.opportune.api.Codes;
import org.opportune.api.probability.ProbabilityModel;
import org.opportune.api.probability.ProbabilityModelInfo;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;

/**
 * The probability models registered right now, fed by DS bind/unbind calls with the services'
 * properties (so that unit tests feed it the same way without a framework).
 * <p>
 * A model's name is its {@value ProbabilityModel#NAME_PROPERTY} property, or {@code name()} when
 * the property is missing. Names are compared ignoring case. When several registrations share a
 * name, the one with the highest {@code service.ranking} is used; on equal rankings the lowest
 * {@code service.id}, i.e. the one registered first. When it goes away the next one takes over.
 */
final class ProbabilityModelRegistry {

    private record Registration(ProbabilityModel model, String name, int ranking, long serviceId, long order,
            String bundle) {

        String key() {
            return name.toUpperCase(Locale.ROOT);
        }
    }

    private static final Comparator<Registration> PRECEDENCE = Comparator
            .comparingInt(Registration::ranking).reversed()
            .thenComparingLong(Registration::serviceId)
            .thenComparingLong(Registration::order);

    private static final Comparator<Registration> LISTING = Comparator
            .comparing(Registration::key).thenComparing(PRECEDENCE);

    /** Replaced as a whole on every change, so that readers need no lock. */
    private volatile List<Registration> registrations = List.of();
    private long registered;

    synchronized void add(ProbabilityModel model, Map<String, ?> properties) {
        List<Registration> next = new ArrayList<>(registrations);
        next.add(registration(model, properties, registered++));
        registrations = List.copyOf(next);
    }

    /** Takes changed properties, e.g. a new ranking, keeping the registration's place. */
    synchronized void update(ProbabilityModel model, Map<String, ?> properties) {
        List<Registration> next = new ArrayList<>();
        for (Registration registration : registrations) {
            next.add(registration.model() == model ? registration(model, properties, registration.order())
                    : registration);
        }
        registrations = List.copyOf(next);
    }

    synchronized void remove(ProbabilityModel model) {
        registrations = registrations.stream().filter(registration -> registration.model() != model).toList();
    }

    /** @return the model used for this name right now */
    Optional<ProbabilityModel> find(String name) {
        return winner(name).map(Registration::model);
    }

    /** @return the name as the model in use spells it, e.g. {@code MULTIPLY} for {@code multiply} */
    Optional<String> installedName(String name) {
        return winner(name).map(Registration::name);
    }

    /** @return the names in use, sorted, e.g. {@code ADD, MULTIPLY}; {@code none} when there are none */
    String installedNames() {
        Map<String, Registration> winners = new TreeMap<>();
        for (Registration registration : registrations) {
            winners.merge(registration.key(), registration, (a, b) -> PRECEDENCE.compare(a, b) <= 0 ? a : b);
        }
        return winners.isEmpty() ? "none"
                : winners.values().stream().map(Registration::name).collect(Collectors.joining(", "));
    }

    /** @return every registration by name, the one in use first for each name */
    List<ProbabilityModelInfo> installed() {
        List<ProbabilityModelInfo> infos = new ArrayList<>();
        String previousKey = null;
        for (Registration registration : registrations.stream().sorted(LISTING).toList()) {
            boolean active = !registration.key().equals(previousKey);
            infos.add(new ProbabilityModelInfo(registration.name(), description(registration.model()),
                    registration.bundle(), registration.ranking(), active));
            previousKey = registration.key();
        }
        return infos;
    }

    private Optional<Registration> winner(String name) {
        String key = Codes.normalise(name); // model names compare as codes do
        if (key == null) {
            return Optional.empty();
        }
        return registrations.stream().filter(registration -> registration.key().equals(key)).min(PRECEDENCE);
    }

    private static Registration registration(ProbabilityModel model, Map<String, ?> properties, long order) {
        Object property = properties.get(ProbabilityModel.NAME_PROPERTY);
        String name = property instanceof String text && !text.isBlank() ? text.trim() : model.name();
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object serviceId = properties.get(Constants.SERVICE_ID);
        Bundle bundle = FrameworkUtil.getBundle(model.getClass());
        return new Registration(model, name, ranking instanceof Integer value ? value : 0,
                serviceId instanceof Long value ? value : Long.MAX_VALUE, order,
                bundle == null ? null : bundle.getSymbolicName());
    }

    /** A third-party model's description must not break the listing. */
    private static String description(ProbabilityModel model) {
        try {
            return model.description();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
