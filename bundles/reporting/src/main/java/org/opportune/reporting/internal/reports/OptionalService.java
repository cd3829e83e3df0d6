package org.opportune.reporting.internal.reports;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.opportune.api.UnavailableException;

/**
 * The service of a dynamic optional reference: a report keeps working while the module that provides it comes
 * and goes, and says so when it is missing instead of disappearing itself.
 */
final class OptionalService<T> {
    private final String module;
    private final AtomicReference<T> current = new AtomicReference<>();

    /** @param module the module that provides the service, as named in the refusal */
    OptionalService(String module) {
        this.module = module;
    }

    void bind(T service) {
        current.set(service);
    }

    /** Forgets {@code service} only if it is still the current one (a replacement may be bound first). */
    void unbind(T service) {
        current.compareAndSet(service, null);
    }

    Optional<T> get() {
        return Optional.ofNullable(current.get());
    }

    /** @throws UnavailableException (503) naming the module while it is not running */
    T require() {
        return get().orElseThrow(() -> new UnavailableException(unavailable()));
    }

    /** @return "the tasks module is not available", as the other modules' refusals say it */
    String unavailable() {
        return "the " + module + " module is not available";
    }
}
