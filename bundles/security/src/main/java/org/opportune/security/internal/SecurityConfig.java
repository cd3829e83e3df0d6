package org.opportune.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.opportune.security} ({@code etc/org.opportune.security.cfg}). */
@ObjectClassDefinition(id = KarafRealmGuard.PID, name = "Opportune login safety",
        description = "Passwords everyone knows work from local clients only (REST, SSH and JMX logins of realm karaf)")
public @interface SecurityConfig {

    @AttributeDefinition(name = "Local addresses",
            description = "Client addresses that count as local: addresses and CIDR blocks, comma-separated. "
                    + "Decided on the TCP peer address, never on X-Forwarded-For: a reverse proxy on this host "
                    + "makes every client look local")
    String[] localAddresses() default { "127.0.0.0/8", "::1" };

    @AttributeDefinition(name = "Local-only passwords",
            description = "Passwords accepted from local clients only, for every user (comma-separated); "
                    + "empty turns the check off")
    String[] localOnlyPasswords() default { "admin" };
}
