package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;

/**
 * Password guessing over real HTTP: more than 5 failed logins for one user name within a minute are answered
 * {@code 429} with {@code Retry-After}, for that user name only, even with the right password until the block ends
 * by itself.
 */
public class LoginThrottleIT extends UsersTestSupport {
    private static final String VICTIM = "victim";
    private static final String BYSTANDER = "bystander";
    private static final String PATH = "/api/v1/salespeople";
    private static final int ALLOWED_FAILURES = 5;

    @Override
    protected Map<String, String> users() {
        return Map.of(VICTIM, SALES_VIEWER, BYSTANDER, SALES_VIEWER);
    }

    @Test
    public void badPasswordsBlockThatUserNameOnlyAndForAWhileOnly() throws InterruptedException {
        for (int attempt = 1; attempt <= ALLOWED_FAILURES; attempt++) {
            assertProblem(wrongPassword(VICTIM), 401);
        }
        // the sixth failure counts past the limit: it or the attempt after it is the first one refused
        List<Integer> statuses = new ArrayList<>();
        Response blocked = wrongPassword(VICTIM);
        statuses.add(blocked.status());
        if (blocked.status() == 401) {
            blocked = wrongPassword(VICTIM);
            statuses.add(blocked.status());
        }
        assertEquals("attempts 6 and 7 answered " + statuses + "; last: " + blocked.body(), 429, blocked.status());
        JsonNode problem = assertProblem(blocked, 429);
        assertTrue(problem.toString(), problem.path("type").asText().endsWith("/too-many-requests"));
        long retryAfter = retryAfter(blocked);

        Response rightPassword = as(VICTIM, "GET", PATH, null);
        assertEquals("blocked before the password is checked: " + rightPassword.body(), 429, rightPassword.status());
        retryAfter(rightPassword);

        // another user name is not affected, neither its logins nor its failures
        assertEquals(200, as(BYSTANDER, "GET", PATH, null).status());
        assertProblem(wrongPassword(BYSTANDER), 401);
        assertEquals(200, as(BYSTANDER, "GET", PATH, null).status());
        assertEquals(200, http("GET", PATH, null).status());

        // the block ends by itself
        Thread.sleep(Duration.ofSeconds(Math.min(retryAfter, 60)).toMillis());
        eventually(Duration.ofSeconds(30), () -> assertEquals(200, as(VICTIM, "GET", PATH, null).status()));
    }

    private Response wrongPassword(String user) {
        return send(baseUri(), "GET", PATH, null, basicAuthorization(user, "not-" + password(user)));
    }

    /** The seconds of a {@code Retry-After} header, asserting there is one and that it is a positive number. */
    private static long retryAfter(Response response) {
        String header = response.header("Retry-After");
        assertNotNull("Retry-After on " + response.status() + " " + response.body(), header);
        long seconds = Long.parseLong(header.trim());
        assertTrue("Retry-After " + seconds, seconds >= 1 && seconds <= 300);
        return seconds;
    }
}
