package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

/** What the whole application answers when a request goes wrong before or around a resource. */
public class ErrorResponsesTest {
    private final SalespersonResource salespeople = new SalespersonResource();
    private final InProcessApi api;

    public ErrorResponsesTest() {
        salespeople.salespeople = Views.listing();
        api = new InProcessApi(salespeople, new HealthResource(java.util.Map::of));
    }

    @Test
    public void noCredentialsIs401WithAChallenge() {
        Reply reply = api.request("GET", "salespeople").send();

        JsonNode problem = reply.problem(401, "unauthorized");
        assertEquals("Basic realm=\"opportune\"", reply.header("WWW-Authenticate"));
        assertEquals("/api/v1/salespeople", problem.get("instance").asText());
    }

    @Test
    public void wrongCredentialsAre401AndEvenUnknownPathsAskForThem() {
        Reply wrong = api.request("GET", "salespeople").as(InProcessApi.basic("admin", "guess")).send();
        wrong.problem(401, "unauthorized");
        assertEquals("Basic realm=\"opportune\"", wrong.header("WWW-Authenticate"));

        api.request("GET", "no/such/thing").send().problem(401, "unauthorized");
    }

    @Test
    public void aUserWithoutTheRoleIs403() {
        api.request("GET", "salespeople").as(InProcessApi.basic("clerk", "clerk")).send().problem(403, "forbidden");
    }

    @Test
    public void healthNeedsNoCredentials() {
        assertEquals("application/json", api.request("GET", "health").send().header("Content-Type"));
    }

    @Test
    public void unknownPathIs404() {
        JsonNode problem = api.get("no/such/thing").problem(404, "not-found");

        assertEquals("there is no resource at /api/v1/no/such/thing", problem.get("detail").asText());
    }

    @Test
    public void wadlIsOff() {
        api.get("application.wadl").problem(404, "not-found");
    }

    @Test
    public void wrongMethodIs405WithAllow() {
        Reply reply = api.request("DELETE", "salespeople").as(InProcessApi.ADMIN).send();

        reply.problem(405, "method-not-allowed");
        assertTrue(reply.header("Allow"), reply.header("Allow").contains("POST"));
    }

    @Test
    public void unacceptableAcceptIs406() {
        api.request("GET", "salespeople").as(InProcessApi.ADMIN).header("Accept", "text/html").send()
                .problem(406, "not-acceptable");
    }

    @Test
    public void nonJsonBodiesAre415() {
        api.request("PUT", "salespeople/JO").as(InProcessApi.ADMIN)
                .body("application/xml", "<salesperson/>".getBytes(StandardCharsets.UTF_8)).send()
                .problem(415, "unsupported-media-type");
        api.request("PATCH", "salespeople/JO").as(InProcessApi.ADMIN)
                .body("text/plain", "name=Jo".getBytes(StandardCharsets.UTF_8)).send()
                .problem(415, "unsupported-media-type");
    }

    @Test
    public void malformedHeadersAre400Problems() {
        api.request("POST", "salespeople").as(InProcessApi.ADMIN).body(";;;", "{}".getBytes(StandardCharsets.UTF_8))
                .send().problem(400, "validation");
        api.request("GET", "salespeople").as(InProcessApi.ADMIN).header("Accept", "//").send()
                .problem(400, "validation");
        api.request("POST", "salespeople").as(InProcessApi.ADMIN).json("{}").header("Content-Length", "many").send()
                .problem(400, "validation");
    }

    @Test
    public void aDeclaredLengthOverTheLimitIs413BeforeAnythingIsRead() {
        Reply reply = api.request("POST", "salespeople").as(InProcessApi.ADMIN).json("{}")
                .header("Content-Length", "1048577").send();

        JsonNode problem = reply.problem(413, "payload-too-large");
        assertEquals("the request body is larger than 1048576 bytes (1 MiB)", problem.get("detail").asText());
    }
}
