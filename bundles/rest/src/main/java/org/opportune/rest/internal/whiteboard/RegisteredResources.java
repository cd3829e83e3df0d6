package org.opportune.rest.internal.whiteboard;

import java.util.List;

import org.opportune.rest.internal.security.ResourceAccess;

/**
 * The JAX-RS resources the whiteboard serves right now. Provided by {@link JaxrsWhiteboard} as a
 * service private to this bundle, so that a resource can list its peers without static state.
 */
public interface RegisteredResources {

    /** @return every resource service tracked now, ordered by path (those without one last) */
    List<RegisteredResource> resources();

    /** @return the classes of the resource objects served now, highest {@code service.ranking} first */
    List<Class<?>> resourceClasses();

    /** @return who may call what of the resources served now */
    ResourceAccess access();
}
