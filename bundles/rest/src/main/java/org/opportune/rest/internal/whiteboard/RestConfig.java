package org.opportune.rest.internal.whiteboard;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.opportune.rest} ({@code etc/org.opportune.rest.cfg}). */
@ObjectClassDefinition(id = JaxrsWhiteboard.PID, name = "Opportune REST API",
        description = "HTTP Basic authentication and browser access (CORS) of the REST API at /api/v1")
public @interface RestConfig {

    @AttributeDefinition(name = "Required role",
            description = "The JAAS role (realm karaf) a user needs to use the API; /health needs none")
    String requiredRole() default "admin";

    @AttributeDefinition(name = "Login cache (seconds)",
            description = "How long a successful login is remembered; 0 asks the realm on every request", min = "0")
    int authCacheSeconds() default 60;

    @AttributeDefinition(name = "Allowed origins (CORS)",
            description = "Origins of browser applications that may call the API, e.g. https://crm.example.com "
                    + "(scheme://host[:port], comma-separated); empty: no cross-origin access")
    String[] allowedOrigins() default {};

    @AttributeDefinition(name = "CORS preflight cache (seconds)",
            description = "How long a browser may keep the answer to a preflight request", min = "0")
    int corsMaxAgeSeconds() default 600;

    @AttributeDefinition(name = "Longest start (seconds)",
            description = "While the node starts, the API answers 503 until every installed module and built-in "
                    + "resource is there; after this many seconds it opens anyway, with a warning naming what is "
                    + "missing (e.g. a module an administrator stopped)", min = "1")
    int startupTimeoutSeconds() default 120;
}
