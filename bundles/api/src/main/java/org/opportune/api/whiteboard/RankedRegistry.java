package org.opportune.api.whiteboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

import org.opportune.api.Codes;

/**
 * The services of one whiteboard registered right now, by name, fed by DS bind/updated/unbind calls
 * with the services' properties (so that unit tests feed it the same way, without a framework).
 * <p>
 * A service's name is its name property (given to the constructor) and nothing else. A registration
 * without that property, or whose own name ({@code name()}, {@code id()}, when the kind has one)
 * differs from it ignoring case, is <em>refused</em>: never used, reported once through the
 * {@code refusals} consumer, and listed with the reason. Names are compared as codes are, trimmed and
 * ignoring case ({@link Codes#normalise}). Of several accepted registrations of one name the one in
 * use has the highest {@code service.ranking}, then the lowest {@code service.id}, then was
 * registered first; when it goes away the next one takes over.
 * <p>
 * Thread-safe: changes are serialised and replace an immutable snapshot, so readers need no lock and
 * one read sees one consistent state.
 *
 * @param <T> the service type
 */
public final class RankedRegistry<T> {
    private static final String SERVICE_RANKING = "service.ranking";
    private static final String SERVICE_ID = "service.id";

    /**
     * One registration as listed.
     *
     * @param service   the service object
     * @param name      its name property; for a refused one without it, its own name or else its class name
     * @param bundle    the symbolic name of the bundle that brings it, null when unknown
     * @param ranking   its {@code service.ranking}, 0 when not set or not an Integer
     * @param serviceId its {@code service.id}, {@link Long#MAX_VALUE} when not set
     * @param active    true for the registration in use for its name
     * @param problem   why it is refused, null when it is not
     * @param properties its service properties as last given, for what else they say (e.g. a description)
     */
    public record Registration<T>(T service, String name, String bundle, int ranking, long serviceId,
            boolean active, String problem, Map<String, ?> properties) {
    }

    /** What is kept per registration; {@code order} breaks the last tie and survives updates. */
    private record Entry<T>(T service, String name, String key, String bundle, int ranking, long serviceId,
            long order, String problem, Map<String, ?> properties) {

        Registration<T> listed(boolean active) {
            return new Registration<>(service, name, bundle, ranking, serviceId, active, problem, properties);
        }
    }

    /** Every registration, by name then precedence, and the ones in use by key; replaced together. */
    private record Snapshot<T>(List<Registration<T>> listing, Map<String, Registration<T>> inUse) {
    }

    private static final Comparator<Entry<?>> PRECEDENCE = Comparator
            .comparingInt((Entry<?> entry) -> entry.ranking()).reversed()
            .thenComparingLong(Entry::serviceId)
            .thenComparingLong(Entry::order);

    private static final Comparator<Entry<?>> LISTING = Comparator
            .comparing((Entry<?> entry) -> entry.key()).thenComparing(PRECEDENCE);

    private final String kind;
    private final String nameProperty;
    private final String ownNameMethod;
    private final Function<? super T, String> ownName;
    private final Consumer<String> refusals;

    private List<Entry<T>> entries = List.of();
    private volatile Snapshot<T> snapshot = new Snapshot<>(List.of(), Map.of());
    private long registered;

    /**
     * For a kind whose services do not name themselves (e.g. transition rules).
     *
     * @param kind         what the services are, for messages, e.g. {@code transition rule}
     * @param nameProperty the service property that names a service
     * @param refusals     told once, in a sentence, about each refused registration (the owner logs it)
     */
    public RankedRegistry(String kind, String nameProperty, Consumer<String> refusals) {
        this(kind, nameProperty, null, null, refusals);
    }

    /**
     * For a kind whose services also name themselves, which must then agree with the property.
     *
     * @param ownNameMethod how the service names itself, for messages, e.g. {@code name()}
     * @param ownName       asks the service its own name
     */
    public RankedRegistry(String kind, String nameProperty, String ownNameMethod, Function<? super T, String> ownName,
            Consumer<String> refusals) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.nameProperty = Objects.requireNonNull(nameProperty, "nameProperty");
        this.ownNameMethod = ownNameMethod;
        this.ownName = ownName;
        this.refusals = Objects.requireNonNull(refusals, "refusals");
    }

    /** @param bundle the symbolic name of the bundle that brings the service, null when unknown */
    public synchronized void add(T service, Map<String, ?> properties, String bundle) {
        Entry<T> entry = entry(service, properties, bundle, registered++);
        reportIfRefused(entry, null);
        List<Entry<T>> next = new ArrayList<>(entries);
        next.add(entry);
        publish(next);
    }

    /** Takes changed properties, e.g. a new ranking or name, keeping the registration's place and bundle. */
    public synchronized void update(T service, Map<String, ?> properties) {
        List<Entry<T>> next = new ArrayList<>();
        for (Entry<T> entry : entries) {
            if (entry.service() == service) {
                Entry<T> updated = entry(service, properties, entry.bundle(), entry.order());
                reportIfRefused(updated, entry.problem());
                next.add(updated);
            } else {
                next.add(entry);
            }
        }
        publish(next);
    }

    public synchronized void remove(T service) {
        publish(entries.stream().filter(entry -> entry.service() != service).toList());
    }

    /** @return the service in use for this name (trimmed, ignoring case), empty when none is */
    public Optional<T> find(String name) {
        return findRegistration(name).map(Registration::service);
    }

    /** @return the registration in use for this name, e.g. to spell the name as it does */
    public Optional<Registration<T>> findRegistration(String name) {
        String key = Codes.normalise(name);
        return key == null ? Optional.empty() : Optional.ofNullable(snapshot.inUse().get(key));
    }

    /** @return the registrations in use, one per name, by name ignoring case */
    public List<Registration<T>> inUse() {
        return List.copyOf(snapshot.inUse().values());
    }

    /** @return every registration, refused ones included, by name ignoring case, the one in use first */
    public List<Registration<T>> registrations() {
        return snapshot.listing();
    }

    private void publish(List<Entry<T>> next) {
        List<Registration<T>> listing = new ArrayList<>();
        Map<String, Registration<T>> inUse = new TreeMap<>();
        for (Entry<T> entry : next.stream().sorted(LISTING).toList()) {
            boolean active = entry.problem() == null && !inUse.containsKey(entry.key());
            Registration<T> registration = entry.listed(active);
            if (active) {
                inUse.put(entry.key(), registration);
            }
            listing.add(registration);
        }
        entries = List.copyOf(next);
        snapshot = new Snapshot<>(List.copyOf(listing), inUse);
    }

    /** Once per refusal: an update that leaves the same problem says nothing again. */
    private void reportIfRefused(Entry<T> entry, String previousProblem) {
        if (entry.problem() != null && !entry.problem().equals(previousProblem)) {
            refusals.accept(kind + " " + entry.name() + (entry.bundle() == null ? "" : " of bundle " + entry.bundle())
                    + " is refused: " + entry.problem());
        }
    }

    private Entry<T> entry(T service, Map<String, ?> properties, String bundle, long order) {
        Object property = properties == null ? null : properties.get(nameProperty);
        String name = property instanceof String text && !text.isBlank() ? text.trim() : null;
        String own = null;
        String problem = null;
        if (ownName != null) {
            try {
                own = ownName.apply(service);
            } catch (RuntimeException e) {
                problem = ownNameMethod + " failed: " + e;
            }
        }
        if (name == null) {
            problem = "it has no " + nameProperty + " service property, which names it";
            name = own != null && !own.isBlank() ? own.trim() : service.getClass().getName();
        } else if (problem == null && ownName != null
                && !Objects.equals(Codes.normalise(name), Codes.normalise(own))) {
            problem = "its " + ownNameMethod + " is " + (own == null ? "null" : "'" + own + "'") + " but its "
                    + nameProperty + " service property is '" + name + "'; they must be the same";
        }
        Object ranking = properties == null ? null : properties.get(SERVICE_RANKING);
        Object serviceId = properties == null ? null : properties.get(SERVICE_ID);
        return new Entry<>(service, name, Codes.normalise(name), bundle, ranking instanceof Integer value ? value : 0,
                serviceId instanceof Long value ? value : Long.MAX_VALUE, order, problem,
                properties == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(properties)));
    }
}
