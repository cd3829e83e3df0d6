package org.opportune.rest.internal.whiteboard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;

import org.junit.After;
import org.junit.Test;
import org.mockito.ArgumentCaptor;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.CallerContext;
import org.opportune.persistence.ThreadCallerContext;
import org.opportune.rest.internal.security.AuthenticatedUser;
import org.opportune.rest.internal.security.BasicAuthentication;
import org.opportune.rest.internal.security.BasicCredentialsTest;
import org.opportune.rest.internal.security.Login;
import org.opportune.rest.internal.security.LoginCache;

/** Each request runs as whoever sent it, bound around the work, and nothing stays bound after it. */
public class CallerBindingTest {
    private final CallerContext callers = new ThreadCallerContext();
    private final BasicAuthentication authentication = new BasicAuthentication((user, password, client) ->
            user.equals("jo") && new String(password).equals("secret")
                    ? Optional.of(new AuthenticatedUser("jo", Set.of("admin", "sales")))
                    : Optional.empty(), new LoginCache(Duration.ZERO, Clock.systemUTC()));
    private final CallerBinding binding = new CallerBinding(() -> authentication, () -> callers);
    private final List<Caller> seen = new ArrayList<>();

    @After
    public void nothingIsBoundAfterAnyRequest() {
        assertTrue(callers.current().isSystem());
    }

    @Test
    public void theUserAndItsRolesAreTheCallerWhileJerseyRunsTheRequest() throws Exception {
        HttpServletRequest request = request(BasicCredentialsTest.basic("jo:secret"));

        binding.serve(request, () -> seen.add(callers.current()));

        assertEquals(List.of(Caller.user("jo", Set.of("admin", "sales"))), seen);
        ArgumentCaptor<Login> login = ArgumentCaptor.forClass(Login.class);
        verify(request).setAttribute(eq(BasicAuthentication.LOGIN), login.capture());
        assertEquals("the filter answers from it", "jo", login.getValue().user().name());
    }

    @Test
    public void nothingStaysBoundWhenTheRequestFails() {
        IOException broken = new IOException("the client went away");
        ServletException failed = new ServletException("Jersey failed");
        IllegalStateException bug = new IllegalStateException("a bug");

        assertSame(broken, assertThrows(IOException.class, () -> binding.serve(
                request(BasicCredentialsTest.basic("jo:secret")), () -> {
                    seen.add(callers.current());
                    throw broken;
                })));
        assertSame(failed, assertThrows(ServletException.class, () -> binding.serve(
                request(BasicCredentialsTest.basic("jo:secret")), () -> {
                    throw failed;
                })));
        assertSame(bug, assertThrows(IllegalStateException.class, () -> binding.serve(
                request(BasicCredentialsTest.basic("jo:secret")), () -> {
                    throw bug;
                })));
        assertEquals("jo", seen.get(0).userName());
        assertTrue(callers.current().isSystem());
    }

    @Test
    public void aRequestWithoutAUserRunsUnbound() throws Exception {
        binding.serve(request(null), () -> seen.add(callers.current()));
        binding.serve(request(BasicCredentialsTest.basic("jo:guess")), () -> seen.add(callers.current()));

        assertEquals(List.of(Caller.system(), Caller.system()), seen);
    }

    @Test
    public void theCallerBoundBeforeIsBoundAgainAfter() throws Exception {
        Caller outer = Caller.user("batch", Set.of());

        callers.runAs(outer, () -> {
            try {
                binding.serve(request(BasicCredentialsTest.basic("jo:secret")), () -> seen.add(callers.current()));
            } catch (IOException | ServletException e) {
                throw new AssertionError(e);
            }
            seen.add(callers.current());
        });

        assertEquals(List.of(Caller.user("jo", Set.of("admin", "sales")), outer), seen);
    }

    @Test
    public void withoutACallerContextTheRequestRunsAnyway() throws Exception {
        HttpServletRequest request = request(BasicCredentialsTest.basic("jo:secret"));

        new CallerBinding(() -> authentication, () -> null).serve(request, () -> seen.add(callers.current()));

        assertEquals(List.of(Caller.system()), seen);
    }

    @Test
    public void whileStartingNothingLogsInAndTheRequestIsMarkedForTheGate() throws Exception {
        List<String> logins = new ArrayList<>();
        BasicAuthentication counting = new BasicAuthentication((user, password, client) -> {
            logins.add(user);
            return Optional.of(new AuthenticatedUser(user, Set.of("admin")));
        }, new LoginCache(Duration.ofMinutes(5), Clock.systemUTC()));
        HttpServletRequest request = request(BasicCredentialsTest.basic("jo:secret"));

        new CallerBinding(() -> counting, () -> callers, () -> "Opportune is starting: x; retry shortly")
                .serve(request, () -> seen.add(callers.current()));

        assertEquals(List.of(Caller.system()), seen);
        assertEquals("no credentials checked, none remembered", List.of(), logins);
        verify(request).setAttribute(StartingGate.STARTING, "Opportune is starting: x; retry shortly");
        verify(request, never()).setAttribute(eq(BasicAuthentication.LOGIN), any());
    }

    private static HttpServletRequest request(String authorization) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getHeader("Authorization")).thenReturn(authorization);
        when(request.getAttribute(BasicAuthentication.CLIENT_ADDRESS)).thenReturn("127.0.0.1");
        return request;
    }
}
