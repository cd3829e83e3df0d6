package org.opportune.persistence;

import java.util.function.Supplier;

import org.opportune.api.caller.Caller;
import org.opportune.api.caller.CallerContext;
import org.osgi.service.component.annotations.Component;

/**
 * The one {@link CallerContext} of the installation: the caller bound on each thread. Public so
 * that the modules' unit tests can give their services a real one.
 */
@Component(service = CallerContext.class)
public final class ThreadCallerContext implements CallerContext {
    private final ThreadLocal<Caller> bound = new ThreadLocal<>();

    @Override
    public Caller current() {
        Caller caller = bound.get();
        return caller == null ? Caller.system() : caller;
    }

    @Override
    public <T> T callAs(Caller caller, Supplier<T> work) {
        if (caller == null) {
            throw new IllegalArgumentException("callAs needs a caller");
        }
        Caller outer = bound.get();
        bound.set(caller);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                bound.remove();
            } else {
                bound.set(outer);
            }
        }
    }
}
