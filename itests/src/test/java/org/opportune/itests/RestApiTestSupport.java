package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What tests of the REST API share on top of {@link OpportuneTestSupport}: assertions on problem documents, ETags
 * and list envelopes. Kept out of {@link OpportuneTestSupport} because their signatures name Jackson's classes, which
 * the probe must be able to load when it runs a test class; a stock Karaf has no Jackson until Opportune is installed.
 */
public abstract class RestApiTestSupport extends OpportuneTestSupport {
    /** DOMAIN §9: stages 1..4 with completed / chances / formula / allow skip. */
    protected static final String WORKED_EXAMPLE_STAGES = """
            [{"stage": 1, "description": "Initial", "completedPercent": 10, "chancesOfSuccessPercent": 20,
              "dateFormula": "5D", "allowSkip": false},
             {"stage": 2, "description": "Presentation", "completedPercent": 30, "chancesOfSuccessPercent": 40,
              "dateFormula": "10D", "allowSkip": true},
             {"stage": 3, "description": "Proposal", "completedPercent": 60, "chancesOfSuccessPercent": 50,
              "dateFormula": "7D", "allowSkip": true},
             {"stage": 4, "description": "Negotiation", "completedPercent": 80, "chancesOfSuccessPercent": 75,
              "dateFormula": "14D", "allowSkip": false}]""";

    /**
     * Asserts an RFC 9457 error answer: the status, {@code Content-Type: application/problem+json}, the same status
     * in the body and a type URI of ours.
     *
     * @return the problem document
     */
    public static JsonNode assertProblem(Response response, int status) {
        assertEquals("status of " + response.body(), status, response.status());
        String contentType = response.header("Content-Type");
        assertTrue("Content-Type " + contentType + " of " + response.body(),
                contentType != null && contentType.startsWith("application/problem+json"));
        JsonNode problem = response.json();
        assertEquals(response.body(), status, problem.path("status").asInt());
        assertTrue(response.body(), problem.path("type").asText().startsWith("https://opportune.dev/problems/"));
        assertTrue(response.body(), problem.hasNonNull("title"));
        return problem;
    }

    /** As {@link #assertProblem(Response, int)}, and {@code errors} names {@code field}. */
    public static JsonNode assertProblem(Response response, int status, String field) {
        JsonNode problem = assertProblem(response, status);
        assertTrue("errors name " + field + ": " + response.body(), errorFields(problem).contains(field));
        return problem;
    }

    /** The {@code field} of every entry of a problem's {@code errors}. */
    public static List<String> errorFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    /** The ETag of a single-record answer, asserting that it is the body's {@code version}: {@code "3"}. */
    public static String etag(Response response) {
        String etag = response.header("ETag");
        assertNotNull("no ETag on " + response.body(), etag);
        assertEquals("ETag vs version of " + response.body(), "\"" + response.json().path("version").asLong() + "\"",
                etag);
        return etag;
    }

    /** GETs a list and asserts the envelope of API.md: {@code items}, {@code total}, {@code offset}, {@code limit}. */
    protected JsonNode list(String path) {
        Response response = http("GET", path, null);
        assertEquals(path + ": " + response.body(), 200, response.status());
        JsonNode envelope = response.json();
        assertTrue(response.body(), envelope.path("items").isArray());
        assertTrue(response.body(), envelope.has("total") && envelope.has("offset") && envelope.has("limit"));
        return envelope;
    }

    /** The number of records a list has in all, e.g. {@code total("/api/v1/contacts")}. */
    protected long total(String path) {
        return list(path + (path.contains("?") ? "&" : "?") + "limit=1").path("total").asLong();
    }

    /** Compares a JSON number with an expected amount by value (scale aside). */
    public static void assertAmount(String expected, JsonNode actual) {
        assertEquals("expected " + expected + ", is " + actual, 0,
                new BigDecimal(expected).compareTo(new BigDecimal(actual.asText())));
    }

    /** One field of every item of a list envelope, as text. */
    protected static List<String> values(JsonNode envelope, String field) {
        List<String> values = new ArrayList<>();
        envelope.path("items").forEach(item -> values.add(item.path(field).asText()));
        return values;
    }

    /** The record reads exactly as {@code before}: nothing was written, not even a new version. */
    protected void assertUnchanged(String path, JsonNode before) {
        Response now = http("GET", path, null);
        assertEquals(now.body(), 200, now.status());
        assertEquals(before, now.json());
    }
}
