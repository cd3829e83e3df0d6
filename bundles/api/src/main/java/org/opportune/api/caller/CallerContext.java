package org.opportune.api.caller;

import java.util.function.Supplier;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The caller of the service call running on this thread (an OSGi service of the persistence
 * module). Front doors bind the caller for the duration of a request or a command with
 * {@link #callAs}; services ask {@link #current()}. Calls are synchronous, so a caller bound on a
 * thread is the caller of everything that thread does until the call returns.
 */
@ProviderType
public interface CallerContext {
    /** @return the caller bound on this thread, or {@link Caller#system()} when none is */
    Caller current();

    /**
     * Runs {@code work} with {@code caller} bound on this thread, restoring the caller bound before
     * (calls nest), also when {@code work} throws.
     */
    <T> T callAs(Caller caller, Supplier<T> work);

    /** {@link #callAs} for work without a result. */
    default void runAs(Caller caller, Runnable work) {
        callAs(caller, () -> {
            work.run();
            return null;
        });
    }
}
