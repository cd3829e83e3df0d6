package org.opportune.rest.internal.whiteboard;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import javax.ws.rs.Path;

/**
 * One resource service as {@code /extensions} lists it.
 *
 * @param bundle         the symbolic name of the bundle that registered the service, null once it is gone
 * @param objectClass    the service's {@code objectClass} property: the names it is registered under
 * @param implementation the class of the service object
 * @param path           its {@code @Path} with a leading slash, relative to the API base; null when it has none
 */
public record RegisteredResource(String bundle, List<String> objectClass, String implementation, String path) {

    /** By path, those without one last, then by implementation. */
    public static final Comparator<RegisteredResource> ORDER = Comparator
            .comparing(RegisteredResource::path, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(RegisteredResource::implementation);

    public RegisteredResource {
        objectClass = objectClass == null ? List.of() : List.copyOf(objectClass);
    }

    /**
     * @param objectClass the registration's {@code objectClass} property, may be null
     * @param service     the service object, whose class carries the {@code @Path} Jersey serves it at
     */
    public static RegisteredResource of(String bundle, String[] objectClass, Object service) {
        Class<?> type = service.getClass();
        Path path = type.getAnnotation(Path.class);
        return new RegisteredResource(bundle, objectClass == null ? List.of() : Arrays.asList(objectClass),
                type.getName(), path == null ? null : withLeadingSlash(path.value()));
    }

    private static String withLeadingSlash(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }
}
