package org.opportune.opportunities.internal;

import java.util.function.Supplier;

import org.opportune.api.OpportuneException;

/**
 * A value read from another module ahead of a transaction, or the refusal it gave: the refusal is
 * thrown only where the value is first needed, so refusals keep the order the rules give them.
 */
final class Deferred<T> {
    private final T value;
    private final OpportuneException refusal;

    private Deferred(T value, OpportuneException refusal) {
        this.value = value;
        this.refusal = refusal;
    }

    static <T> Deferred<T> of(Supplier<T> read) {
        try {
            return new Deferred<>(read.get(), null);
        } catch (OpportuneException e) {
            return new Deferred<>(null, e);
        }
    }

    static <T> Deferred<T> refused(OpportuneException refusal) {
        return new Deferred<>(null, refusal);
    }

    T get() {
        if (refusal != null) {
            throw refusal;
        }
        return value;
    }
}
