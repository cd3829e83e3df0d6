package org.opportune.shell.internal;

import java.security.AccessController;
import java.security.Principal;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.CallerContext;

/**
 * The caller a shell command runs as: the login of the session. Karaf 4.4 starts the local console
 * and every SSH session (and {@code jaas:sudo} its command) inside a {@code doAs} of the login's JAAS
 * subject, which binds the subject to the thread's access control context; Karaf judges its command
 * ACLs by that context too. The user is the subject's {@link UserPrincipal}, the roles its
 * {@link RolePrincipal}s. Work that runs without a subject (a script Karaf runs at boot) runs as
 * {@link Caller#system()}.
 */
public final class SessionCaller {

    private SessionCaller() {
    }

    /**
     * Runs {@code work} with the session's caller bound in {@code callers}, so that the services it
     * calls record that login as {@code changedBy}. Without a context (the persistence module is
     * not running) the work runs as it is: no service could read a caller then, and those that need
     * one are not running either.
     */
    public static <T> T callAs(CallerContext callers, Supplier<T> work) {
        return callers == null ? work.get() : callers.callAs(current(), work);
    }

    /** @return the caller of the subject bound to this thread's access control context */
    // Subject.getSubject is how Karaf 4.4 reads the session's subject itself; Subject.current() needs Java 18
    @SuppressWarnings("removal")
    static Caller current() {
        return of(Subject.getSubject(AccessController.getContext()));
    }

    /** @return the subject's user with its roles; the system for no subject or a subject without a user */
    static Caller of(Subject subject) {
        if (subject == null) {
            return Caller.system();
        }
        Optional<String> user = subject.getPrincipals(UserPrincipal.class).stream().map(Principal::getName)
                .filter(name -> name != null && !name.isBlank()).findFirst();
        if (user.isEmpty()) {
            return Caller.system();
        }
        return Caller.user(user.get(), subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName)
                .collect(Collectors.toSet()));
    }
}
