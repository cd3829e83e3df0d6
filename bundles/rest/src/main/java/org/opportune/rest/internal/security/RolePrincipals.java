package org.opportune.rest.internal.security;

import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Which principals of a login's subject are its roles, as {@code etc/org.opportune.roles.cfg} says now (the shell
 * reads the same configuration). A change counts from the next login the realm is asked for.
 */
@Component(service = RolePrincipals.class, configurationPid = RolesConfig.PID)
@Designate(ocd = RolesConfig.class)
public final class RolePrincipals {
    private volatile Set<String> classNames;

    @Activate
    public RolePrincipals(RolesConfig config) {
        modified(config);
    }

    @Modified
    void modified(RolesConfig config) {
        classNames = JaasAuthenticator.classNames(config.rolePrincipalClasses());
    }

    /** @return the class names of the principals that are roles */
    public Set<String> classNames() {
        return classNames;
    }
}
