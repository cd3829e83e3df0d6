package org.opportune.rest.internal.whiteboard;

import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.ForbiddenException;

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
import org.opportune.rest.internal.security.LoginThrottle;

/** The binding tells the login whether the request came over HTTPS, for requireHttpsForRemoteClients. */
public class CallerBindingHttpsTest {
    private final CallerContext callers = new ThreadCallerContext();
    private final List<String> asked = new ArrayList<>();
    private final BasicAuthentication httpsOnly = new BasicAuthentication((user, password, client) -> {
        asked.add(user + "@" + client);
        return Optional.of(new AuthenticatedUser(user, Set.of("admin")));
    }, new LoginCache(Duration.ZERO, Clock.systemUTC()), new LoginThrottle(Clock.systemUTC()), true);
    private final CallerBinding binding = new CallerBinding(() -> httpsOnly, () -> callers);
    private final List<Caller> seen = new ArrayList<>();

    @Test
    public void plainHttpFromAnotherMachineIsRefusedBeforeTheRealm() throws Exception {
        HttpServletRequest request = request("192.0.2.7", false);

        binding.serve(request, () -> seen.add(callers.current()));

        assertEquals(List.of(Caller.system()), seen);
        assertEquals(List.of(), asked);
        assertEquals(ForbiddenException.class, login(request).refusal().getClass());
    }

    @Test
    public void httpsFromAnotherMachineAndPlainHttpFromLoopbackLogIn() throws Exception {
        binding.serve(request("192.0.2.7", true), () -> seen.add(callers.current()));
        binding.serve(request("127.0.0.1", false), () -> seen.add(callers.current()));

        assertEquals(List.of("jo@192.0.2.7", "jo@127.0.0.1"), asked);
        assertEquals(List.of(Caller.user("jo", Set.of("admin")), Caller.user("jo", Set.of("admin"))), seen);
    }

    private static Login login(HttpServletRequest request) {
        ArgumentCaptor<Login> login = ArgumentCaptor.forClass(Login.class);
        verify(request).setAttribute(eq(BasicAuthentication.LOGIN), login.capture());
        return login.getValue();
    }

    private static HttpServletRequest request(String client, boolean secure) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getHeader("Authorization")).thenReturn(BasicCredentialsTest.basic("jo:secret"));
        when(request.getAttribute(BasicAuthentication.CLIENT_ADDRESS)).thenReturn(client);
        when(request.isSecure()).thenReturn(secure);
        return request;
    }
}
