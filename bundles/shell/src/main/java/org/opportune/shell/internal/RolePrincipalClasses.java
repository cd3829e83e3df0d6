package org.opportune.shell.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Dictionary;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.opportune.api.UnavailableException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Which principals of a login's JAAS subject count as its roles: those whose class is named in the configuration
 * {@value #PID}, key {@value #KEY} (comma-separated class names; default Karaf's {@link RolePrincipal}, which the
 * realm {@code karaf} gives). Another login module (LDAP, an SSO one) may put its roles in principals of its own
 * class; naming that class here lets the shell, like the REST API, see them.
 */
public final class RolePrincipalClasses {
    /** The configuration ({@code etc/org.opportune.roles.cfg}) the shell and the REST API read. */
    public static final String PID = "org.opportune.roles";
    public static final String KEY = "rolePrincipalClasses";

    private static final RolePrincipalClasses KARAFS = new RolePrincipalClasses(Set.of(RolePrincipal.class.getName()));

    private final Set<String> classNames;

    private RolePrincipalClasses(Set<String> classNames) {
        this.classNames = classNames;
    }

    /** @return Karaf's {@link RolePrincipal} alone, the default */
    public static RolePrincipalClasses karafs() {
        return KARAFS;
    }

    /**
     * @param value the configured value: a comma-separated string, a string array or a collection of strings (what
     *              Configuration Admin hands over for a {@code .cfg} line or a typed {@code .config} one); null or
     *              blank names Karaf's class
     */
    public static RolePrincipalClasses of(Object value) {
        Stream<String> names;
        if (value instanceof String text) {
            names = Arrays.stream(text.split(","));
        } else if (value instanceof String[] array) {
            names = Arrays.stream(array);
        } else if (value instanceof Collection<?> collection) {
            names = collection.stream().map(String::valueOf);
        } else {
            names = Stream.empty();
        }
        Set<String> classNames = names.filter(name -> name != null).map(String::trim).filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return classNames.isEmpty() ? KARAFS : new RolePrincipalClasses(Set.copyOf(classNames));
    }

    /**
     * Reads the configuration at every call, so that an edit of its file counts from the next command on.
     *
     * @param configurations Configuration Admin, or null where it is not running (Karaf's class counts then)
     * @throws UnavailableException Configuration Admin cannot read its store
     */
    public static RolePrincipalClasses configured(ConfigurationAdmin configurations) {
        if (configurations == null) {
            return KARAFS;
        }
        try {
            // listConfigurations, not getConfiguration: looking does not create an empty configuration
            Configuration[] found = configurations.listConfigurations("(service.pid=" + PID + ")");
            if (found == null || found.length == 0) {
                return KARAFS;
            }
            Dictionary<String, Object> properties = found[0].getProperties();
            return properties == null ? KARAFS : of(properties.get(KEY));
        } catch (IOException | InvalidSyntaxException unreadable) {
            throw new UnavailableException("the configuration " + PID + " cannot be read: " + unreadable.getMessage());
        }
    }

    /** @return the names of the subject's principals of one of these classes */
    public Set<String> rolesOf(Subject subject) {
        return subject.getPrincipals().stream().filter(principal -> classNames.contains(principal.getClass().getName()))
                .map(Principal::getName).filter(name -> name != null && !name.isBlank())
                .collect(Collectors.toSet());
    }

    public Set<String> classNames() {
        return classNames;
    }

    @Override
    public String toString() {
        return String.join(", ", classNames);
    }
}
