package org.opportune.shell.internal;

import java.lang.reflect.Field;

import org.apache.karaf.shell.api.action.lifecycle.Reference;

/** Does in tests what Karaf's shell does at runtime: sets the {@code @Reference} fields of a command or completer. */
public final class References {

    private References() {
    }

    /**
     * Sets every {@code @Reference} field of the target, or of its superclasses, that one of the services fits.
     *
     * @return the target
     * @throws AssertionError no such field takes one of the services
     */
    public static <T> T inject(T target, Object... services) {
        for (Object service : services) {
            inject(target, service);
        }
        return target;
    }

    private static void inject(Object target, Object service) {
        boolean injected = false;
        for (Class<?> type = target.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(Reference.class) && field.getType().isInstance(service)) {
                    field.setAccessible(true);
                    try {
                        field.set(target, service);
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                    injected = true;
                }
            }
        }
        if (!injected) {
            throw new AssertionError(target.getClass().getSimpleName() + " has no @Reference field for " + service);
        }
    }
}
