package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

/** What a client sees of login throttling through the whole application. */
public class LoginRefusalsTest {
    private final SalespersonResource salespeople = new SalespersonResource();
    private final InProcessApi api;

    public LoginRefusalsTest() {
        salespeople.salespeople = Views.listing();
        api = new InProcessApi(salespeople, new HealthResource(java.util.Map::of));
    }

    @Test
    public void theSixthAttemptAfterFiveFailuresIs429ProblemJsonWithRetryAfter() {
        for (int i = 0; i < 5; i++) {
            api.request("GET", "salespeople").as(InProcessApi.basic("admin", "guess" + i)).send()
                    .problem(401, "unauthorized");
        }

        Reply blocked = api.request("GET", "salespeople").as(InProcessApi.ADMIN).send();
        JsonNode problem = blocked.problem(429, "too-many-requests");
        assertEquals("2", blocked.header("Retry-After"));
        assertEquals("too many failed logins for user admin; try again in 2 seconds", problem.get("detail").asText());
        assertNull(blocked.header("WWW-Authenticate"));

        api.request("GET", "salespeople").as(InProcessApi.basic("clerk", "clerk")).send().problem(403, "forbidden");
        assertEquals("health answers as always, whatever the credentials", "application/json",
                api.request("GET", "health").as(InProcessApi.ADMIN).send().header("Content-Type"));
    }
}
