package org.opportune.api;

/**
 * How a bundle adds to Opportune's REST API: register a JAX-RS 2.1 ({@code javax.ws.rs}) resource object as an
 * OSGi service with {@value #RESOURCE_PROPERTY}{@code =true}, or a provider (filter, exception mapper, body
 * reader or writer) with {@value #EXTENSION_PROPERTY}{@code =true}. It is served under {@code /api/v1} inside
 * Opportune's Jersey application: the same authentication, JSON and problem+json errors as the built-in
 * resources. Who may call a resource's methods is declared on its service with {@value #READ_ROLES} (GET and
 * HEAD) and {@value #WRITE_ROLES} (every other method); a resource that declares nothing is for
 * {@code opportune-admin} only.
 * <p>
 * These are Opportune's own properties, not the OSGi JAX-RS Whiteboard's {@code osgi.jaxrs.*}: a standard
 * whiteboard installed in the same Karaf does not serve Opportune's resources a second time (without
 * Opportune's authentication), and Opportune does not pull in what other bundles register for it.
 */
public final class RestWhiteboard {
    /** Service property: {@code true} on a JAX-RS resource object Opportune serves. */
    public static final String RESOURCE_PROPERTY = "opportune.jaxrs.resource";
    /** Service property: {@code true} on a JAX-RS provider Opportune's application registers. */
    public static final String EXTENSION_PROPERTY = "opportune.jaxrs.extension";
    /** The component property that makes a DS component a resource: {@code opportune.jaxrs.resource=true}. */
    public static final String RESOURCE = RESOURCE_PROPERTY + "=true";
    /** The component property that makes a DS component a provider: {@code opportune.jaxrs.extension=true}. */
    public static final String EXTENSION = EXTENSION_PROPERTY + "=true";
    /**
     * Service property of a resource: the roles that may call its GET and HEAD methods, a String (several
     * separated by commas) or String[], e.g. {@code opportune-admin, sales-manager, salesperson, sales-viewer};
     * absent or empty: {@code opportune-admin} only.
     */
    public static final String READ_ROLES = "opportune.rest.read.roles";
    /**
     * Service property of a resource: the roles that may call its other methods (POST, PUT, PATCH, DELETE),
     * as {@link #READ_ROLES}; absent or empty: {@code opportune-admin} only.
     */
    public static final String WRITE_ROLES = "opportune.rest.write.roles";

    private RestWhiteboard() {
    }
}
