package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opportune.rest.internal.resources.JsonAsserts.field;
import static org.opportune.rest.internal.resources.JsonAsserts.fieldNames;
import static org.opportune.rest.internal.resources.JsonAsserts.fields;
import static org.opportune.rest.internal.resources.JsonAsserts.message;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.PageRequest;
import org.opportune.api.SortKey;
import org.opportune.api.StaleVersionException;
import org.opportune.api.ValidationException;
import org.opportune.api.task.ActivityService;
import org.opportune.api.task.ActivityStepValues;
import org.opportune.api.task.ActivityValues;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskType;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

/** {@code /activities} and their steps over HTTP, against canned answers of the service. */
public class ActivityResourceTest {
    static final String INIT = """
            {"code": "init", "description": "Initial contact", "steps": [
              {"step": 1, "type": "PHONE_CALL", "description": "Call the buyer", "dateFormula": "2d"},
              {"step": 2, "type": "MEETING", "description": "Meet the buyer", "priority": "HIGH", "dateFormula": "1W"}
            ]}""";

    private final ActivityService service = mock(ActivityService.class);
    private final ActivityResource resource = new ActivityResource();
    private final ArgumentCaptor<ActivityValues> values = ArgumentCaptor.forClass(ActivityValues.class);
    private InProcessApi api;

    @Before
    public void setUp() {
        resource.activities = service;
        api = new InProcessApi(resource);
        doThrow(new NotFoundException("activity", "NONE")).when(service).get(anyString());
        doReturn(Views.init(1)).when(service).get("INIT");
    }

    @Test
    public void createPassesTheStepsAndAnswers201WithLocationETagAndTheActivity() {
        when(service.create(eq("init"), any())).thenReturn(Views.init(1));

        Reply reply = api.send("POST", "activities", INIT);

        assertEquals(reply.toString(), 201, reply.status());
        assertEquals("http://localhost:8181/api/v1/activities/INIT", reply.header("Location"));
        assertEquals("\"1\"", reply.header("ETag"));
        JsonNode body = reply.json();
        assertEquals(List.of("code", "description", "steps", "version", "changedBy", "changedAt"), fieldNames(body));
        assertEquals("{\"step\":1,\"type\":\"PHONE_CALL\",\"description\":\"Call the buyer\",\"priority\":\"NORMAL\","
                + "\"dateFormula\":\"2D\"}", body.get("steps").get(0).toString());
        verify(service).create(eq("init"), values.capture());
        ActivityValues given = values.getValue();
        assertEquals("Initial contact", given.description());
        assertEquals(List.of(new ActivityStepValues(1, TaskType.PHONE_CALL, "Call the buyer", null, "2d"),
                new ActivityStepValues(2, TaskType.MEETING, "Meet the buyer", TaskPriority.HIGH, "1W")), given.steps());
        assertEquals(reply.json(), api.get("activities/INIT").json());
    }

    @Test
    public void badEnumsNullStepsAndServerOwnedFieldsAre400AndAskNoService() {
        JsonNode type = api.send("POST", "activities", INIT.replace("PHONE_CALL", "EMAIL")).problem(400, "validation");
        assertEquals("steps[0].type", field(type, 0));
        assertEquals("must be one of TODO, MEETING, PHONE_CALL (got \"EMAIL\")", message(type, 0));
        JsonNode priority = api.send("POST", "activities", INIT.replace("HIGH", "URGENT")).problem(400, "validation");
        assertEquals("steps[1].priority", field(priority, 0));
        assertEquals("steps[1]", field(api.send("POST", "activities",
                "{\"code\":\"X\",\"description\":\"x\",\"steps\":[{\"type\":\"TODO\",\"description\":\"a\"},null]}")
                .problem(400, "validation"), 0));
        assertEquals(List.of("version", "changedBy"), fields(api.send("POST", "activities",
                INIT.replace("]}", "], \"version\": 1, \"changedBy\": \"me\"}")).problem(400, "validation")));
        assertEquals("steps[0].taskNo", field(api.send("POST", "activities",
                INIT.replace("\"step\": 1,", "\"step\": 1, \"taskNo\": 1,")).problem(400, "validation"), 0));
        verify(service, never()).create(anyString(), any());
    }

    @Test
    public void theServicesFieldErrorsAndConflictsAreTranslated() {
        when(service.create(eq("X"), any())).thenThrow(new ValidationException(List.of(
                new FieldError("steps[0].dateFormula", "is not a date formula"))));
        when(service.create(eq("init"), any())).thenThrow(new ConflictException("activity INIT exists already",
                List.of(new FieldError("code", "is taken by an existing activity"))));

        assertEquals("steps[0].dateFormula", field(api.send("POST", "activities",
                "{\"code\":\"X\",\"steps\":[{\"dateFormula\":\"soon\"}]}").problem(400, "validation"), 0));
        assertEquals("code", field(api.send("POST", "activities", INIT).problem(409, "conflict"), 0));
    }

    @Test
    public void listPassesTheTextAndThePagingAndRefusesUnknownFilters() {
        when(service.list(any(), any())).thenReturn(Views.page(List.of(Views.init(1))));

        JsonNode page = api.get("activities?q=init&sort=-description&limit=10").json();

        assertEquals(List.of("items", "total", "offset", "limit"), fieldNames(page));
        assertEquals("INIT", page.get("items").get(0).get("code").asText());
        assertEquals(2, page.get("items").get(0).get("steps").size());
        verify(service).list("init", new PageRequest(0, 10, List.of(new SortKey("description", true))));
        JsonNode unknown = api.get("activities?type=TODO").problem(400, "validation");
        assertEquals("type", field(unknown, 0));
        assertTrue(message(unknown, 0), message(unknown, 0).endsWith("known: q, offset, limit, sort"));
        when(service.list(any(), any())).thenThrow(new ValidationException("sort", "unknown sort field 'steps'"));
        assertEquals("sort", field(api.get("activities?sort=steps").problem(400, "validation"), 0));
    }

    @Test
    public void getIsTheActivityWithETagOr404() {
        Reply reply = api.get("activities/INIT");

        assertEquals(200, reply.status());
        assertEquals("\"1\"", reply.header("ETag"));
        assertEquals("activity NONE does not exist",
                api.get("activities/NONE").problem(404, "not-found").get("detail").asText());
    }

    @Test
    public void replaceSetsTheDescriptionAndEveryStepAndIsGuardedByIfMatch() {
        api.request("PUT", "activities/INIT").as(InProcessApi.ADMIN).header("If-Match", "\"3\"").json(INIT).send()
                .problem(412, "precondition-failed");
        verify(service, never()).update(anyString(), any(), any());
        when(service.update(eq("INIT"), any(), eq(1L))).thenReturn(Views.init(2));

        Reply reply = api.request("PUT", "activities/INIT").as(InProcessApi.ADMIN).header("If-Match", "\"1\"")
                .json("{\"description\":\"Only a call\",\"steps\":[{\"type\":\"TODO\",\"description\":\"Write\"}]}")
                .send();

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        verify(service).update(eq("INIT"), values.capture(), eq(1L));
        assertEquals("Only a call", values.getValue().description());
        assertEquals(List.of(new ActivityStepValues(null, TaskType.TODO, "Write", null, null)),
                values.getValue().steps());

        api.send("PUT", "activities/INIT", "{\"description\":\"No steps\"}");
        verify(service).update(eq("INIT"), values.capture(), eq(null));
        assertNull("a replace without steps leaves none", values.getValue().steps());
        assertEquals("code", field(api.send("PUT", "activities/INIT", INIT.replace("init", "OTHER"))
                .problem(400, "validation"), 0));
    }

    @Test
    public void patchKeepsTheStepsItDoesNotNameAndReplacesThemWhenItDoes() {
        when(service.update(eq("INIT"), any(), eq(1L))).thenReturn(Views.init(2));

        Reply reply = api.request("PATCH", "activities/INIT").as(InProcessApi.ADMIN).body(
                "application/merge-patch+json", "{\"description\":\"First contact\"}".getBytes(StandardCharsets.UTF_8))
                .send();

        assertEquals(reply.toString(), 200, reply.status());
        verify(service).update(eq("INIT"), values.capture(), eq(1L));
        assertEquals("First contact", values.getValue().description());
        assertEquals(List.of(new ActivityStepValues(1, TaskType.PHONE_CALL, "Call the buyer", TaskPriority.NORMAL,
                "2D"), new ActivityStepValues(2, TaskType.MEETING, "Meet the buyer", TaskPriority.HIGH, "1W")),
                values.getValue().steps());

        api.send("PATCH", "activities/INIT", "{\"steps\":[]}");
        verify(service, times(2)).update(eq("INIT"), values.capture(), eq(1L));
        assertEquals("a merge patch replaces the array", List.of(), values.getValue().steps());
        assertEquals("steps[0].type", field(api.send("PATCH", "activities/INIT",
                "{\"steps\":[{\"type\":\"CALL\"}]}").problem(400, "validation"), 0));
        api.request("PATCH", "activities/INIT").as(InProcessApi.ADMIN).header("If-Match", "\"0\"")
                .json("{\"description\":\"x\"}").send().problem(412, "precondition-failed");
    }

    @Test
    public void deleteAnswers204OrConflictWhenAStageNamesIt() {
        doThrow(new ConflictException("activity INIT is used by sales cycle stages STD/1")).when(service)
                .delete("INIT", 2L);

        assertEquals(204, api.request("DELETE", "activities/FOLLOW").as(InProcessApi.ADMIN).send().status());
        verify(service).delete("FOLLOW", null);
        JsonNode conflict = api.request("DELETE", "activities/INIT").as(InProcessApi.ADMIN)
                .header("If-Match", "\"2\"").send().problem(409, "conflict");
        assertEquals("activity INIT is used by sales cycle stages STD/1", conflict.get("detail").asText());
    }

    @Test
    public void addingAStepAnswers201WithTheActivityItsLocationAndNewVersion() {
        ArgumentCaptor<ActivityStepValues> step = ArgumentCaptor.forClass(ActivityStepValues.class);
        when(service.addStep(eq("init"), any(), eq(1L))).thenReturn(Views.init(2));

        Reply reply = api.request("POST", "activities/init/steps").as(InProcessApi.ADMIN).header("If-Match", "\"1\"")
                .json("{\"type\":\"TODO\",\"description\":\"Send the brochure\",\"priority\":\"LOW\"}").send();

        assertEquals(reply.toString(), 201, reply.status());
        assertEquals("http://localhost:8181/api/v1/activities/INIT", reply.header("Location"));
        assertEquals("\"2\"", reply.header("ETag"));
        assertEquals("INIT", reply.json().get("code").asText());
        verify(service).addStep(eq("init"), step.capture(), eq(1L));
        assertEquals(new ActivityStepValues(null, TaskType.TODO, "Send the brochure", TaskPriority.LOW, null),
                step.getValue());
    }

    @Test
    public void addingAStepTranslatesTheRefusals() {
        when(service.addStep(eq("INIT"), any(), eq(null))).thenThrow(new ConflictException("step 1 exists",
                List.of(new FieldError("step", "is taken"))));
        when(service.addStep(eq("INIT"), any(), eq(5L))).thenThrow(new StaleVersionException("activity", "INIT", 1));
        when(service.addStep(eq("NONE"), any(), any())).thenThrow(new NotFoundException("activity", "NONE"));

        assertEquals("step", field(api.send("POST", "activities/INIT/steps",
                "{\"step\":1,\"type\":\"TODO\",\"description\":\"a\"}").problem(409, "conflict"), 0));
        api.request("POST", "activities/INIT/steps").as(InProcessApi.ADMIN).header("If-Match", "\"5\"")
                .json("{\"type\":\"TODO\"}").send().problem(412, "precondition-failed");
        api.send("POST", "activities/NONE/steps", "{\"type\":\"TODO\"}").problem(404, "not-found");
        assertEquals("type", field(api.send("POST", "activities/INIT/steps", "{\"type\":\"VISIT\"}")
                .problem(400, "validation"), 0));
        api.request("POST", "activities/INIT/steps").as(InProcessApi.ADMIN).json("").send().problem(400, "validation");
        assertEquals("x", field(api.send("POST", "activities/INIT/steps?x=1", "{\"type\":\"TODO\"}")
                .problem(400, "validation"), 0));
    }

    @Test
    public void deletingAStepAnswers200WithTheActivityAndA404ForAStepThatIsNone() {
        when(service.deleteStep("INIT", 2, 1L)).thenReturn(Views.init(2));
        when(service.deleteStep("INIT", 9, null)).thenThrow(new NotFoundException("activity step", "INIT/9"));

        Reply reply = api.request("DELETE", "activities/INIT/steps/2").as(InProcessApi.ADMIN)
                .header("If-Match", "\"1\"").send();

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        assertEquals("INIT", reply.json().get("code").asText());
        api.request("DELETE", "activities/INIT/steps/9").as(InProcessApi.ADMIN).send().problem(404, "not-found");
        assertEquals("activity step INIT/two does not exist", api.request("DELETE", "activities/init/steps/two")
                .as(InProcessApi.ADMIN).send().problem(404, "not-found").get("detail").asText());
        verify(service, never()).deleteStep(anyString(), eq(0), any());
    }

    @Test
    public void everyRoleReadsAndOnlyTheAdministratorChanges() {
        when(service.list(any(), any())).thenReturn(Views.page(List.of()));
        for (String reader : List.of(InProcessApi.MANAGER, InProcessApi.SALESPERSON, InProcessApi.VIEWER)) {
            assertEquals(200, api.request("GET", "activities").as(reader).send().status());
            assertEquals(200, api.request("GET", "activities/INIT").as(reader).send().status());
            api.request("POST", "activities").as(reader).json(INIT).send().problem(403, "forbidden");
            api.request("PATCH", "activities/INIT").as(reader).json("{}").send().problem(403, "forbidden");
            api.request("DELETE", "activities/INIT").as(reader).send().problem(403, "forbidden");
            api.request("POST", "activities/INIT/steps").as(reader).json("{}").send().problem(403, "forbidden");
            api.request("DELETE", "activities/INIT/steps/1").as(reader).send().problem(403, "forbidden");
        }
        api.request("GET", "activities").as(InProcessApi.CLERK).send().problem(403, "forbidden");
        verify(service, never()).create(anyString(), any());
        verify(service, never()).deleteStep(anyString(), anyInt(), any());
    }

    @Test
    public void withoutTheTasksModuleEveryEndpointIs503AndRecovers() {
        resource.activities = null;

        assertEquals("the tasks module is not available",
                api.get("activities").problem(503, "unavailable").get("detail").asText());
        api.send("POST", "activities", INIT).problem(503, "unavailable");
        api.get("activities/INIT").problem(503, "unavailable");
        api.send("PUT", "activities/INIT", INIT).problem(503, "unavailable");
        api.send("PATCH", "activities/INIT", "{}").problem(503, "unavailable");
        api.request("DELETE", "activities/INIT").as(InProcessApi.ADMIN).send().problem(503, "unavailable");
        api.send("POST", "activities/INIT/steps", "{\"type\":\"TODO\"}").problem(503, "unavailable");
        api.request("DELETE", "activities/INIT/steps/1").as(InProcessApi.ADMIN).send().problem(503, "unavailable");

        resource.activities = service;
        assertEquals(200, api.get("activities/INIT").status());
    }
}
