package org.opportune.shell.internal;

import static org.junit.Assert.assertEquals;

import java.security.PrivilegedAction;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.util.jaas.JaasHelper;
import org.junit.Test;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.CallerContext;
import org.opportune.persistence.ThreadCallerContext;

public class SessionCallerTest {

    private static final RolePrincipalClasses KARAFS = RolePrincipalClasses.karafs();

    private final CallerContext callers = new ThreadCallerContext();

    private static Caller current() {
        return SessionCaller.current(KARAFS);
    }

    private static <T> T as(Subject subject, PrivilegedAction<T> work) {
        return JaasHelper.doAs(subject, work);
    }

    @Test
    public void theLoginOfTheSessionWithItsRolesIsTheCaller() {
        Subject subject = Logins.subject("anna", "admin", "manager");
        subject.getPrincipals().add(new GroupPrincipal("admingroup"));

        assertEquals(Caller.user("anna", Set.of("admin", "manager")), as(subject, SessionCallerTest::current));
    }

    @Test
    public void theSessionThreadThatKarafStartsForALoginRunsAsThatLogin() throws Exception {
        CompletableFuture<Caller> seen = new CompletableFuture<>();
        // as Karaf's SSH shell factory starts a session: the thread inherits the subject's context
        JaasHelper.runAs(Logins.subject("anna", "sales"),
                () -> new Thread(() -> seen.complete(current())).start());

        assertEquals(Caller.user("anna", Set.of("sales")), seen.get(10, TimeUnit.SECONDS));
    }

    @Test
    public void withoutASubjectAsInAScriptAtBootTheCallerIsTheSystem() {
        assertEquals(Caller.system(), current());
    }

    @Test
    public void aSubjectWithoutAUserIsTheSystem() {
        Subject roleOnly = new Subject();
        roleOnly.getPrincipals().add(new RolePrincipal("admin"));

        assertEquals(Caller.system(), as(roleOnly, SessionCallerTest::current));
    }

    @Test
    public void theSubjectBoundLastCountsAsJaasSudoBindsIt() {
        Caller caller = as(Logins.subject("admin", "admin"),
                () -> as(Logins.subject("bob", "sales"), SessionCallerTest::current));

        assertEquals(Caller.user("bob", Set.of("sales")), caller);
    }

    @Test
    public void theWorkRunsWithTheSessionsCallerBoundAndTheBindingEndsWithIt() {
        Caller seen = as(Logins.subject("anna", "sales"),
                () -> SessionCaller.callAs(callers, KARAFS, callers::current));

        assertEquals(Caller.user("anna", Set.of("sales")), seen);
        assertEquals(Caller.system(), callers.current());
    }

    @Test
    public void withoutACallerContextTheWorkRunsAsItIs() {
        assertEquals("done", as(Logins.subject("anna"), () -> SessionCaller.callAs(null, KARAFS, () -> "done")));
    }

    @Test
    public void theRolesAreThePrincipalsOfTheConfiguredClasses() {
        Subject subject = Logins.subject("anna", "salesperson");
        subject.getPrincipals().add(new OtherRealmRole("sales-manager"));

        assertEquals(Caller.user("anna", Set.of("sales-manager")),
                as(subject, () -> SessionCaller.current(RolePrincipalClasses.of(OtherRealmRole.class.getName()))));
        assertEquals(Caller.user("anna", Set.of("salesperson")), as(subject, SessionCallerTest::current));
    }
}
