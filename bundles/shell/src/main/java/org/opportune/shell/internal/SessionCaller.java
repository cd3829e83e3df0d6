package org.opportune.shell.internal;

import java.security.AccessController;
import java.security.Principal;
import java.util.Optional;
import java.util.function.Supplier;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.CallerContext;

/**
 * The caller a shell command runs as: the login of the session. Karaf 4.4 starts the local console
 * and every SSH session (and {@code jaas:sudo} its command) inside a {@code doAs} of the login's JAAS
 * subject, which binds the subject to the thread's access control context; Karaf judges its command
 * ACLs by that context too. The user is the subject's {@link UserPrincipal}, the roles its principals
 * of the {@link RolePrincipalClasses} configured (Karaf's {@code RolePrincipal} by default). Work that
 * runs without a subject (a script Karaf runs at boot) runs as {@link Caller#system()}.
 */
public final class SessionCaller {

    private SessionCaller() {
    }

    /**
     * Runs {@code work} with the session's caller bound in {@code callers}, so that the services it
     * calls record that login as {@code changedBy} and scope what it sees by its roles.
     */
    public static <T> T callAs(CallerContext callers, RolePrincipalClasses roleClasses, Supplier<T> work) {
        return callAs(callers, current(roleClasses), work);
    }

    /**
     * Runs {@code work} with {@code caller} bound in {@code callers}. Without a context (the persistence
     * module is not running) the work runs as it is: no service could read a caller then, and those
     * that need one are not running either.
     */
    public static <T> T callAs(CallerContext callers, Caller caller, Supplier<T> work) {
        return callers == null ? work.get() : callers.callAs(caller, work);
    }

    /** @return the caller of the subject bound to this thread's access control context */
    // Subject.getSubject is how Karaf 4.4 reads the session's subject itself; Subject.current() needs Java 18
    @SuppressWarnings("removal")
    public static Caller current(RolePrincipalClasses roleClasses) {
        return of(Subject.getSubject(AccessController.getContext()), roleClasses);
    }

    /** @return the subject's user with its roles; the system for no subject or a subject without a user */
    static Caller of(Subject subject, RolePrincipalClasses roleClasses) {
        if (subject == null) {
            return Caller.system();
        }
        Optional<String> user = subject.getPrincipals(UserPrincipal.class).stream().map(Principal::getName)
                .filter(name -> name != null && !name.isBlank()).findFirst();
        if (user.isEmpty()) {
            return Caller.system();
        }
        return Caller.user(user.get(), roleClasses.rolesOf(subject));
    }
}
