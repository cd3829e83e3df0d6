package org.opportune.rest.internal.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code org.opportune.roles} ({@code etc/org.opportune.roles.cfg}), which the shell reads too:
 * which principals of a login's JAAS subject are its roles.
 */
@ObjectClassDefinition(id = RolesConfig.PID, name = "Opportune roles",
        description = "Which JAAS principals carry Opportune's roles, for the REST API and the shell")
public @interface RolesConfig {
    String PID = "org.opportune.roles";

    @AttributeDefinition(name = "Role principal classes",
            description = "Class names of the principals whose names are roles (comma-separated); Karaf's realm "
                    + "gives org.apache.karaf.jaas.boot.principal.RolePrincipal, another login module may give its own")
    String rolePrincipalClasses() default "org.apache.karaf.jaas.boot.principal.RolePrincipal";
}
