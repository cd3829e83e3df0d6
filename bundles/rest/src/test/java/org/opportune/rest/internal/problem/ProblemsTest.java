package org.opportune.rest.internal.problem;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import javax.ws.rs.ForbiddenException;
import javax.ws.rs.NotAcceptableException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.ProcessingException;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.Test;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UnavailableException;
import org.opportune.api.ValidationException;
import org.opportune.rest.internal.dto.ContactDto;
import org.opportune.rest.internal.http.PayloadTooLargeException;
import org.opportune.rest.internal.json.ApiObjectMapper;

public class ProblemsTest {
    private static final String INSTANCE = "/api/v1/things/1";

    private final Problems problems = new Problems();
    private final ObjectMapper mapper = ApiObjectMapper.create();

    public record Stage(int stage, String description) {
    }

    public record Cycle(String code, List<Stage> stages) {
    }

    @Test
    public void validationIs400WithTheFieldErrors() {
        Problem problem = problems.of(new ValidationException(List.of(new FieldError("name", "is required"),
                new FieldError("commissionPercent", "must be between 0 and 100"))), INSTANCE);

        assertKind(problem, 400, "validation");
        assertEquals("name is required (and 1 more)", problem.detail());
        assertEquals(INSTANCE, problem.instance());
        assertEquals(2, problem.errors().size());
        assertEquals(new FieldError("commissionPercent", "must be between 0 and 100"), problem.errors().get(1));
        assertNull(problem.rule());
    }

    @Test
    public void domainRefusalsHaveTheirStatuses() {
        assertKind(problems.of(new NotFoundException("salesperson", "JO"), INSTANCE), 404, "not-found");
        assertKind(problems.of(new StaleVersionException("salesperson", "JO", 4), INSTANCE), 412,
                "precondition-failed");
        Problem unavailable = problems.of(new UnavailableException("the contacts module is not available"), INSTANCE);
        assertKind(unavailable, 503, "unavailable");
        assertEquals("the contacts module is not available", unavailable.detail());
    }

    @Test
    public void conflictNamesTheRulesThatRefused() {
        Problem problem = problems.of(new ConflictException("a sales quote must be assigned before this stage",
                List.of(new FieldError("stage", "needs a quote")), List.of("quote-required", "minimum-value")), INSTANCE);

        assertKind(problem, 409, "conflict");
        assertEquals("quote-required", problem.rule());
        assertEquals(List.of("quote-required", "minimum-value"), problem.rules());
        assertEquals("stage", problem.errors().get(0).field());
    }

    @Test
    public void conflictWithoutRulesHasNoRuleMembers() throws Exception {
        Problem problem = problems.of(new ConflictException("salesperson JO exists already"), INSTANCE);

        String json = mapper.writeValueAsString(problem);
        assertEquals("{\"type\":\"https://opportune.dev/problems/conflict\",\"title\":\"Conflict\",\"status\":409,"
                + "\"detail\":\"salesperson JO exists already\",\"instance\":\"/api/v1/things/1\",\"errors\":[]}", json);
    }

    @Test
    public void malformedJsonIs400() {
        Problem problem = problems.of(jacksonError("{\"code\": \"JO\",", ContactDto.class), INSTANCE);

        assertKind(problem, 400, "validation");
        assertTrue(problem.detail(), problem.detail().startsWith("malformed JSON: "));
        assertTrue(problem.detail(), problem.detail().contains("(line 1, column"));
    }

    @Test
    public void bindingErrorsNameTheFieldPath() {
        FieldError nested = only(problems.of(jacksonError("{\"address\":{\"city\":7}}", ContactDto.class), INSTANCE));
        assertEquals(new FieldError("address.city", "must be a string (got 7)"), nested);

        FieldError inList = only(problems.of(jacksonError("{\"code\":\"STD\",\"stages\":[{\"stage\":1},"
                + "{\"stage\":\"two\"}]}", Cycle.class), INSTANCE));
        assertEquals("stages[1].stage", inList.field());
        assertEquals("must be a whole number", inList.message());

        FieldError unknown = only(problems.of(jacksonError("{\"stages\":[{\"stag\":1}]}", Cycle.class), INSTANCE));
        assertEquals(new FieldError("stages[0].stag", "is not a known field; known fields: description, stage"),
                unknown);

        FieldError enumValue = only(problems.of(jacksonError("{\"type\":\"FIRM\"}", ContactDto.class), INSTANCE));
        assertEquals(new FieldError("type", "must be one of COMPANY, PERSON (got \"FIRM\")"), enumValue);

        FieldError shape = only(problems.of(jacksonError("{\"stages\":{\"stage\":1}}", Cycle.class), INSTANCE));
        assertEquals(new FieldError("stages", "must be an array"), shape);

        FieldError nullPrimitive = only(problems.of(jacksonError("{\"stages\":[{\"stage\":null}]}", Cycle.class),
                INSTANCE));
        assertEquals(new FieldError("stages[0].stage", "must not be null; it must be a whole number"), nullPrimitive);
    }

    @Test
    public void aBodyOfTheWrongShapeIs400WithoutAField() {
        Problem problem = problems.of(jacksonError("[1]", ContactDto.class), INSTANCE);

        assertKind(problem, 400, "validation");
        assertEquals("the body must be an object", problem.detail());
        assertTrue(problem.errors().isEmpty());
    }

    @Test
    public void jerseyHttpErrorsBecomeProblems() {
        assertKind(problems.of(new javax.ws.rs.NotFoundException(), INSTANCE), 404, "not-found");
        assertEquals("there is no resource at " + INSTANCE,
                problems.of(new javax.ws.rs.NotFoundException(), INSTANCE).detail());

        Problem notAllowed = problems.of(new NotAllowedException(Response.status(405).allow("GET", "PUT").build()), INSTANCE);
        assertKind(notAllowed, 405, "method-not-allowed");
        assertEquals("this method is not allowed here; allowed: GET, PUT", notAllowed.detail());

        assertKind(problems.of(new NotAcceptableException(), INSTANCE), 406, "not-acceptable");
        assertKind(problems.of(new NotSupportedException(), INSTANCE), 415, "unsupported-media-type");
        assertKind(problems.of(new ServiceUnavailableException(), INSTANCE), 503, "unavailable");

        Problem unauthorized = problems.of(new NotAuthorizedException("the user name or password is wrong",
                "Basic realm=\"opportune\""), INSTANCE);
        assertKind(unauthorized, 401, "unauthorized");
        assertEquals("the user name or password is wrong", unauthorized.detail());

        assertKind(problems.of(new ForbiddenException("no"), INSTANCE), 403, "forbidden");
        assertKind(problems.of(new WebApplicationException(Response.Status.REQUEST_TIMEOUT), INSTANCE), 408,
                "request-timeout");
    }

    @Test
    public void aTooLargeBodyIs413EvenWhenJerseyWrappedIt() {
        Problem problem = problems.of(new ProcessingException("reading failed", new PayloadTooLargeException(1_048_576)),
                INSTANCE);

        assertKind(problem, 413, "payload-too-large");
        assertEquals("the request body is larger than 1048576 bytes (1 MiB)", problem.detail());
    }

    @Test
    public void anythingElseIs500WithoutInternals() {
        // a host name with letters no incident id (a UUID, hexadecimal) can contain
        Problem problem = problems.of(new IllegalStateException("connection pool of dbhost.internal exhausted"),
                INSTANCE);

        assertKind(problem, 500, "internal-error");
        assertTrue(problem.detail(), problem.detail().startsWith("an unexpected error occurred; it has been logged as "
                + "incident "));
        assertFalse(problem.detail().contains("dbhost"));
        assertFalse(problem.detail().contains("IllegalStateException"));
        assertTrue(problem.errors().isEmpty());
    }

    @Test
    public void jerseysOwn500IsAlsoAnIncident() {
        assertKind(problems.of(new WebApplicationException(500), INSTANCE), 500, "internal-error");
    }

    private static void assertKind(Problem problem, int status, String kind) {
        assertEquals(status, problem.status());
        assertEquals("https://opportune.dev/problems/" + kind, problem.type());
        assertFalse(problem.title().isBlank());
    }

    private static FieldError only(Problem problem) {
        assertEquals(400, problem.status());
        assertEquals(problem.errors().toString(), 1, problem.errors().size());
        FieldError error = problem.errors().get(0);
        assertEquals(error.field() + " " + error.message(), problem.detail());
        return error;
    }

    private JsonProcessingException jacksonError(String json, Class<?> type) {
        try {
            mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            return e;
        }
        fail("expected " + json + " to be refused");
        return null;
    }
}
