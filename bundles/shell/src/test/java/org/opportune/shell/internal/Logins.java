package org.opportune.shell.internal;

import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.util.jaas.JaasHelper;

/**
 * Runs commands as Karaf runs them in the session of a login: inside its {@code JaasHelper.doAs} of
 * the login's JAAS subject (Karaf's own helper, which the shell core carries).
 */
public final class Logins {

    private Logins() {
    }

    /** @return the subject of a login over SSH, as Karaf's realm fills it */
    public static Subject subject(String user, String... roles) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrincipals().add(new ClientPrincipal("ssh", "127.0.0.1"));
        for (String role : roles) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        return subject;
    }

    /** Executes the command with the subject bound, throwing what it throws. */
    public static Object execute(Action command, Subject subject) throws Exception {
        try {
            return JaasHelper.doAs(subject, (PrivilegedExceptionAction<Object>) command::execute);
        } catch (PrivilegedActionException thrown) {
            throw thrown.getException();
        }
    }
}
