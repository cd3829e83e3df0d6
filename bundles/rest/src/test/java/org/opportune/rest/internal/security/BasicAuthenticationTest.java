package org.opportune.rest.internal.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.ForbiddenException;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.SecurityContext;

import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ContainerRequest;
import org.junit.Test;
import org.opportune.api.UnavailableException;

public class BasicAuthenticationTest {
    private static final URI BASE = URI.create("http://localhost:8181/api/v1/");

    private final List<String> logins = new ArrayList<>();
    private final LoginCacheTest.MutableClock clock = new LoginCacheTest.MutableClock();
    private final Authenticator realm = (user, password, client) -> {
        logins.add(user + "@" + client);
        String secret = new String(password);
        if (secret.equals("admin") && !"127.0.0.1".equals(client)) {
            throw new PasswordChangeRequiredException("the default password works from the server only; set one");
        }
        if (user.equals("admin") && secret.equals("admin")) {
            return Optional.of(new AuthenticatedUser("admin", Set.of("opportune-admin", "viewer")));
        }
        if (user.equals("clerk") && secret.equals("clerk")) {
            return Optional.of(new AuthenticatedUser("clerk", Set.of("viewer")));
        }
        return Optional.empty();
    };
    private final BasicAuthentication filter = new BasicAuthentication(realm,
            new LoginCache(Duration.ofSeconds(60), clock));

    @Test
    public void healthNeedsNoCredentials() {
        ContainerRequest request = request("health", null);

        filter.filter(request);

        assertNull("left as the container set it", request.getSecurityContext());
        assertTrue(logins.isEmpty());
    }

    @Test
    public void missingCredentialsAre401WithABasicChallenge() {
        NotAuthorizedException e = assertThrows(NotAuthorizedException.class,
                () -> filter.filter(request("salespeople", null)));

        assertEquals(List.of("Basic realm=\"opportune\""), e.getChallenges());
        assertEquals("credentials are required (HTTP Basic)", e.getMessage());
    }

    @Test
    public void wrongOrMalformedCredentialsAre401() {
        assertThrows(NotAuthorizedException.class,
                () -> filter.filter(request("salespeople", BasicCredentialsTest.basic("admin:wrong"))));
        assertThrows(NotAuthorizedException.class, () -> filter.filter(request("salespeople", "Basic %%%")));
        assertThrows(NotAuthorizedException.class, () -> filter.filter(request("salespeople", "Bearer x")));
    }

    @Test
    public void aUserWithNoneOfOpportunesRolesIs403BeforeMatching() {
        ForbiddenException e = assertThrows(ForbiddenException.class,
                () -> filter.filter(request("no/such/path", BasicCredentialsTest.basic("clerk:clerk"))));

        assertEquals("user clerk has none of Opportune's roles; it needs one of the roles opportune-admin, "
                + "sales-manager, salesperson, sales-viewer", e.getMessage());
    }

    @Test
    public void anAuthenticatedUserBecomesTheSecurityContext() {
        ContainerRequest request = request("salespeople/JO", BasicCredentialsTest.basic("admin:admin"));

        filter.filter(request);

        SecurityContext security = request.getSecurityContext();
        assertEquals("admin", security.getUserPrincipal().getName());
        assertTrue(security.isUserInRole("viewer"));
        assertEquals(SecurityContext.BASIC_AUTH, security.getAuthenticationScheme());
    }

    @Test
    public void successesAreCachedForAWhileFailuresNever() {
        for (int i = 0; i < 3; i++) {
            filter.filter(request("salespeople", BasicCredentialsTest.basic("admin:admin")));
            assertThrows(NotAuthorizedException.class,
                    () -> filter.filter(request("salespeople", BasicCredentialsTest.basic("admin:guess"))));
        }
        assertEquals(List.of("admin@127.0.0.1", "admin@127.0.0.1", "admin@127.0.0.1", "admin@127.0.0.1"), logins);

        clock.now = clock.now.plusSeconds(61);
        filter.filter(request("salespeople", BasicCredentialsTest.basic("admin:admin")));
        assertEquals("the realm is asked again once the login expired", 5, logins.size());
    }

    @Test
    public void aPasswordTheRealmTakesOnlyFromElsewhereIs401SayingWhy() {
        NotAuthorizedException e = assertThrows(NotAuthorizedException.class,
                () -> filter.filter(request("salespeople", BasicCredentialsTest.basic("admin:admin"), "192.0.2.7")));

        assertEquals(List.of("Basic realm=\"opportune\""), e.getChallenges());
        assertEquals("the default password works from the server only; set one", e.getMessage());
    }

    @Test
    public void aLoginCachedForOneAddressIsAskedAgainFromAnother() {
        filter.filter(request("salespeople", BasicCredentialsTest.basic("admin:admin")));

        assertThrows(NotAuthorizedException.class,
                () -> filter.filter(request("salespeople", BasicCredentialsTest.basic("admin:admin"), "192.0.2.7")));
        assertThrows("no address is no local address", NotAuthorizedException.class,
                () -> filter.filter(request("salespeople", BasicCredentialsTest.basic("admin:admin"), null)));
        assertEquals(List.of("admin@127.0.0.1", "admin@192.0.2.7", "admin@null"), logins);
    }

    @Test
    public void aLoginNamesTheUserOrSaysWhyNotWithoutThrowing() {
        assertEquals(Login.NONE, filter.login(null, "127.0.0.1", false));
        assertEquals(Login.NONE, filter.login(" ", "127.0.0.1", false));
        assertEquals(Set.of("opportune-admin", "viewer"), filter.login(BasicCredentialsTest.basic("admin:admin"), "127.0.0.1", false)
                .authenticated().orElseThrow().roles());

        Login wrong = filter.login(BasicCredentialsTest.basic("admin:guess"), "127.0.0.1", false);
        assertTrue(wrong.authenticated().isEmpty());
        assertEquals("the user name or password is wrong", wrong.refusal().getMessage());
        assertEquals("the default password works from the server only; set one",
                filter.login(BasicCredentialsTest.basic("admin:admin"), "192.0.2.7", false).refusal().getMessage());
        UnavailableException down = new UnavailableException("authentication is not available right now");
        assertEquals(down, new BasicAuthentication((user, password, client) -> {
            throw down;
        }, new LoginCache(Duration.ZERO, clock)).login(BasicCredentialsTest.basic("a:b"), null, false).refusal());
    }

    @Test
    public void theFilterAnswersFromTheLoginTheServletFoundAndAsksTheRealmNoMore() {
        ContainerRequest refused = request("salespeople", BasicCredentialsTest.basic("admin:admin"));
        refused.setProperty(BasicAuthentication.LOGIN, Login.refused(new UnavailableException("realm down")));
        assertThrows(UnavailableException.class, () -> filter.filter(refused));

        ContainerRequest clerk = request("salespeople", BasicCredentialsTest.basic("admin:admin"));
        clerk.setProperty(BasicAuthentication.LOGIN, Login.of(new AuthenticatedUser("clerk", Set.of("viewer"))));
        assertThrows(ForbiddenException.class, () -> filter.filter(clerk));

        ContainerRequest nobody = request("salespeople", null);
        nobody.setProperty(BasicAuthentication.LOGIN, Login.NONE);
        assertEquals("credentials are required (HTTP Basic)",
                assertThrows(NotAuthorizedException.class, () -> filter.filter(nobody)).getMessage());
        assertTrue(logins.isEmpty());
    }

    private static ContainerRequest request(String path, String authorization) {
        return request(path, authorization, "127.0.0.1");
    }

    private static ContainerRequest request(String path, String authorization, String client) {
        ContainerRequest request = new ContainerRequest(BASE, BASE.resolve(path), "GET", null,
                new MapPropertiesDelegate(), null);
        request.setProperty(BasicAuthentication.CLIENT_ADDRESS, client);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }
}
