package org.opportune.rest.internal.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.opportune.rest.internal.security.BasicCredentialsTest.basic;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.ClientErrorException;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.opportune.api.UnavailableException;
import org.opportune.rest.internal.json.ApiObjectMapper;
import org.opportune.rest.internal.problem.ProblemMapper;
import org.opportune.rest.internal.problem.Problems;

/** Login throttling per user name and HTTPS for remote clients, as {@link BasicAuthentication#login} applies them. */
public class LoginSafetyTest {
    private static final String REMOTE = "192.0.2.7";
    private static final String LOCAL = "127.0.0.1";

    private final LoginCacheTest.MutableClock clock = new LoginCacheTest.MutableClock();
    private final List<String> asked = new ArrayList<>();
    private RuntimeException realmFailure;
    private final Authenticator realm = (user, password, client) -> {
        asked.add(user + ":" + new String(password));
        if (realmFailure != null) {
            throw realmFailure;
        }
        return Set.of("admin:secret", "jo:jo-secret").contains(user + ":" + new String(password))
                ? Optional.of(new AuthenticatedUser(user, Set.of("admin"))) : Optional.empty();
    };
    private final BasicAuthentication throttled = new BasicAuthentication(realm,
            new LoginCache(Duration.ofSeconds(10), clock), new LoginThrottle(clock), false);
    private final BasicAuthentication httpsOnly = new BasicAuthentication(realm,
            new LoginCache(Duration.ofSeconds(10), clock), new LoginThrottle(clock), true);

    @Test
    public void fiveFailuresAre401TheSixthAttemptIs429WithRetryAfter() {
        for (int i = 0; i < 5; i++) {
            assertEquals(NotAuthorizedException.class, throttled.login(basic("admin:guess" + i), REMOTE, false).refusal()
                    .getClass());
        }

        ClientErrorException tooMany = tooMany(throttled.login(basic("admin:guess5"), REMOTE, false));
        assertEquals("2", tooMany.getResponse().getHeaderString("Retry-After"));
        assertEquals("too many failed logins for user admin; try again in 2 seconds", tooMany.getMessage());
        assertEquals("the realm is not asked while the name is blocked", 5, asked.size());
    }

    @Test
    public void whileBlockedEvenTheRightPasswordIs429AndTheRealmIsNotAsked() {
        throttled.login(basic("admin:secret"), LOCAL, false); // remembered for 10 s
        asked.clear();
        failFiveTimes("admin");

        tooMany(throttled.login(basic("admin:secret"), REMOTE, false));
        tooMany(throttled.login(basic("admin:secret"), LOCAL, false)); // not even the remembered login
        assertEquals(5, asked.size());
    }

    @Test
    public void retryAfterGrowsWithEachFurtherFailureUpToFiveMinutes() {
        failFiveTimes("admin");
        List<String> retryAfter = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String seconds = tooMany(throttled.login(basic("admin:again"), REMOTE, false)).getResponse()
                    .getHeaderString("Retry-After");
            retryAfter.add(seconds);
            clock.now = clock.now.plusSeconds(Long.parseLong(seconds));
            assertEquals(NotAuthorizedException.class, throttled.login(basic("admin:guess"), REMOTE, false).refusal()
                    .getClass());
        }

        assertEquals(List.of("2", "4", "8", "16", "32", "64", "128", "256", "300", "300"), retryAfter);
    }

    @Test
    public void anotherUserIsNotAffected() {
        failFiveTimes("admin");

        assertEquals("jo", throttled.login(basic("jo:jo-secret"), REMOTE, false).authenticated().orElseThrow().name());
        assertEquals(NotAuthorizedException.class, throttled.login(basic("jo:typo"), REMOTE, false).refusal().getClass());
    }

    @Test
    public void afterRetryAfterTheRightPasswordWorksAndResetsTheCount() {
        failFiveTimes("admin");
        clock.now = clock.now.plusSeconds(2);

        assertEquals("admin", throttled.login(basic("admin:secret"), REMOTE, false).authenticated().orElseThrow().name());
        for (int i = 0; i < 4; i++) {
            assertEquals("counted afresh", NotAuthorizedException.class,
                    throttled.login(basic("admin:guess" + i), REMOTE, false).refusal().getClass());
        }
        assertEquals(NotAuthorizedException.class, throttled.login(basic("admin:guess"), REMOTE, false).refusal().getClass());
        tooMany(throttled.login(basic("admin:secret"), REMOTE, false));
    }

    @Test
    public void aMalformedHeaderCountsForNobody() {
        for (int i = 0; i < 10; i++) {
            assertEquals(NotAuthorizedException.class, throttled.login("Basic %%%" + i, REMOTE, false).refusal().getClass());
            assertEquals(NotAuthorizedException.class, throttled.login("Bearer admin", REMOTE, false).refusal().getClass());
        }

        assertEquals("admin", throttled.login(basic("admin:secret"), REMOTE, false).authenticated().orElseThrow().name());
    }

    @Test
    public void aRealmThatCannotBeAskedCountsNoFailure() {
        realmFailure = new UnavailableException("authentication is not available right now");
        for (int i = 0; i < 10; i++) {
            assertEquals(realmFailure, throttled.login(basic("admin:secret"), REMOTE, false).refusal());
        }
        realmFailure = null;

        assertEquals("admin", throttled.login(basic("admin:secret"), REMOTE, false).authenticated().orElseThrow().name());
    }

    @Test
    public void the429IsAProblemDocumentThatKeepsRetryAfter() throws Exception {
        failFiveTimes("admin");
        Response response = new ProblemMapper(new Problems(), ApiObjectMapper.create())
                .toResponse(throttled.login(basic("admin:guess"), REMOTE, false).refusal());

        assertEquals(429, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
        assertEquals("2", response.getHeaderString("Retry-After"));
        JsonNode problem = ApiObjectMapper.create().readTree(new String((byte[]) response.getEntity(),
                StandardCharsets.UTF_8));
        assertEquals("https://opportune.dev/problems/too-many-requests", problem.get("type").asText());
        assertEquals("too many failed logins for user admin; try again in 2 seconds", problem.get("detail").asText());
        assertNull("no challenge: new credentials would not help now", response.getHeaderString("WWW-Authenticate"));
    }

    @Test
    public void httpsOnlyRefusesCredentialsOverPlainHttpFromAnotherMachineBeforeTheRealm() throws Exception {
        Login refused = httpsOnly.login(basic("admin:secret"), REMOTE, false);

        assertEquals(ForbiddenException.class, refused.refusal().getClass());
        assertEquals(BasicAuthentication.HTTPS_REQUIRED, refused.refusal().getMessage());
        assertTrue(refused.refusal().getMessage().startsWith(
                "credentials are only accepted over HTTPS from other machines; use https://"));
        assertEquals(ForbiddenException.class, httpsOnly.login(basic("admin:secret"), "2001:db8::7", false)
                .refusal().getClass());
        assertEquals("an unknown address is not this machine", ForbiddenException.class,
                httpsOnly.login(basic("admin:secret"), null, false).refusal().getClass());
        assertEquals(ForbiddenException.class, httpsOnly.login("Basic %%%", REMOTE, false).refusal().getClass());
        assertTrue("the realm is not asked", asked.isEmpty());

        Response response = new ProblemMapper(new Problems(), ApiObjectMapper.create()).toResponse(refused.refusal());
        assertEquals(403, response.getStatus());
        JsonNode problem = ApiObjectMapper.create().readTree(new String((byte[]) response.getEntity(),
                StandardCharsets.UTF_8));
        assertEquals("https://opportune.dev/problems/forbidden", problem.get("type").asText());
        assertEquals(BasicAuthentication.HTTPS_REQUIRED, problem.get("detail").asText());
    }

    @Test
    public void httpsOnlyTakesHttpsFromAnywhereAndPlainHttpFromLoopback() {
        assertEquals("admin", httpsOnly.login(basic("admin:secret"), REMOTE, true).authenticated().orElseThrow()
                .name());
        for (String loopback : List.of("127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "[::1]")) {
            assertEquals(loopback, "admin", httpsOnly.login(basic("admin:secret"), loopback, false).authenticated()
                    .orElseThrow().name());
        }
        assertEquals(NotAuthorizedException.class, httpsOnly.login(basic("admin:wrong"), LOCAL, false).refusal()
                .getClass());
        assertEquals("no credentials: nothing refused (/health answers)", Login.NONE,
                httpsOnly.login(null, REMOTE, false));
    }

    @Test
    public void plainHttpFromAnotherMachineWorksByDefault() {
        assertEquals("admin", throttled.login(basic("admin:secret"), REMOTE, false).authenticated().orElseThrow()
                .name());
        assertEquals("the servlet-less check counts as plain HTTP", "admin",
                throttled.login(basic("admin:secret"), REMOTE, false).authenticated().orElseThrow().name());
    }

    @Test
    public void loginsBlockedByTheHttpsRuleCountNoFailure() {
        for (int i = 0; i < 10; i++) {
            httpsOnly.login(basic("admin:guess" + i), REMOTE, false);
        }

        assertEquals("admin", httpsOnly.login(basic("admin:secret"), REMOTE, true).authenticated().orElseThrow()
                .name());
    }

    private void failFiveTimes(String user) {
        for (int i = 0; i < 5; i++) {
            assertEquals(NotAuthorizedException.class, throttled.login(basic(user + ":guess" + i), REMOTE, false).refusal()
                    .getClass());
        }
    }

    private static ClientErrorException tooMany(Login login) {
        assertTrue("refused: " + login, login.refusal() instanceof ClientErrorException);
        ClientErrorException refusal = (ClientErrorException) login.refusal();
        assertEquals(429, refusal.getResponse().getStatus());
        return refusal;
    }
}
