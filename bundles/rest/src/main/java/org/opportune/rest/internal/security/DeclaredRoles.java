package org.opportune.rest.internal.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

import javax.ws.rs.HttpMethod;

import org.opportune.api.RestWhiteboard;

/**
 * The roles an extension resource declares on its service ({@value RestWhiteboard#READ_ROLES},
 * {@value RestWhiteboard#WRITE_ROLES}); what it leaves out is {@link Access#ADMIN_ONLY}, never open.
 *
 * @param read  for GET and HEAD
 * @param write for every other method
 */
public record DeclaredRoles(Access read, Access write) {
    /** A resource that declares nothing. */
    public static final DeclaredRoles UNDECLARED = new DeclaredRoles(Access.ADMIN_ONLY, Access.ADMIN_ONLY);

    /** @param property the value of a service property by name, null when absent */
    public static DeclaredRoles of(Function<String, Object> property) {
        return new DeclaredRoles(access(property.apply(RestWhiteboard.READ_ROLES)),
                access(property.apply(RestWhiteboard.WRITE_ROLES)));
    }

    public Access of(String method) {
        return HttpMethod.GET.equalsIgnoreCase(method) || HttpMethod.HEAD.equalsIgnoreCase(method) ? read : write;
    }

    /** A String (comma-separated), String[] or collection of strings; anything else counts as nothing. */
    private static Access access(Object value) {
        List<Object> values = new ArrayList<>();
        if (value instanceof Object[] array) {
            values.addAll(Arrays.asList(array));
        } else if (value instanceof Collection<?> collection) {
            values.addAll(collection);
        } else if (value != null) {
            values.add(value);
        }
        LinkedHashSet<String> roles = new LinkedHashSet<>();
        for (Object role : values) {
            if (role instanceof String names) {
                Arrays.stream(names.split(",")).map(String::trim).filter(name -> !name.isEmpty()).forEach(roles::add);
            }
        }
        return roles.isEmpty() ? Access.ADMIN_ONLY : Access.roles(List.copyOf(roles));
    }
}
