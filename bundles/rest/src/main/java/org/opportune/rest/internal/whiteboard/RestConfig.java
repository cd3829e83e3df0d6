package org.opportune.rest.internal.whiteboard;

import org.opportune.rest.internal.security.UsersFile;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code org.opportune.rest} ({@code etc/org.opportune.rest.cfg}). Who may call what is not
 * configured but Opportune's roles (AccessPolicy); a {@code requiredRole} left in an older file is ignored.
 */
@ObjectClassDefinition(id = JaxrsWhiteboard.PID, name = "Opportune REST API",
        description = "HTTP Basic authentication and browser access (CORS) of the REST API at /api/v1")
public @interface RestConfig {

    @AttributeDefinition(name = "Login cache (seconds)",
            description = "How long a successful login is remembered; 0 asks the realm on every request. A changed "
                    + "password or removed role takes effect: within 1 second when it is made in the users file "
                    + "below (it is watched: any change of its modification time or size forgets every remembered "
                    + "login); within this many seconds in any other JAAS realm (LDAP, a database) or when no users "
                    + "file is watched", min = "0")
    int authCacheSeconds() default 10;

    @AttributeDefinition(name = "Users file",
            description = "The realm's users file, watched for changes (looked at no more than once a second, when "
                    + "a request logs in): Karaf's default realm keeps its users in ${karaf.etc}/users.properties; "
                    + "${name} stands for a system property; empty: no file is watched, only the login cache's time "
                    + "bounds a change", required = false)
    String usersFile() default UsersFile.DEFAULT;

    @AttributeDefinition(name = "HTTPS for remote clients",
            description = "When true, credentials sent over plain HTTP from any address but this machine's loopback "
                    + "are refused (403) before the realm is asked: other machines must use HTTPS (see "
                    + "etc/org.ops4j.pax.web.cfg). Loopback and HTTPS requests work as before; false accepts plain "
                    + "HTTP from everywhere")
    boolean requireHttpsForRemoteClients() default false;

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
