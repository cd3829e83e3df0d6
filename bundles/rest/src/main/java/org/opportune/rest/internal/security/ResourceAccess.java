package org.opportune.rest.internal.security;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * Who may call an endpoint of the application served now: the {@link AccessPolicy} for this bundle's resources,
 * the roles declared on their services for the resources of other bundles (the whiteboard knows which is which),
 * the setup role for anything neither declares.
 *
 * @param policy     the built-in table
 * @param extensions the resource classes registered by other bundles, with what their services declare
 */
public record ResourceAccess(AccessPolicy policy, Map<Class<?>, DeclaredRoles> extensions) {

    public ResourceAccess {
        extensions = Map.copyOf(extensions);
    }

    /** Only the built-in resources. */
    public static ResourceAccess builtIn() {
        return new ResourceAccess(new AccessPolicy(), Map.of());
    }

    public Access of(Class<?> resource, Method method, String httpMethod) {
        return of(resource, httpMethod, Endpoint.template(resource, method));
    }

    /** @param template as {@link Endpoint#template} gives it */
    public Access of(Class<?> resource, String httpMethod, String template) {
        DeclaredRoles declared = extensions.get(resource);
        if (declared != null) {
            return declared.of(httpMethod);
        }
        return policy.of(httpMethod, template).orElse(Access.ADMIN_ONLY);
    }

    @Override
    public boolean equals(Object other) { // the policy is the same table in every instance
        return other instanceof ResourceAccess access && access.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return extensions.hashCode();
    }
}
