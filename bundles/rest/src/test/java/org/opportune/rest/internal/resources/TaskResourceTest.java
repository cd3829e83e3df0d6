package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opportune.rest.internal.resources.JsonAsserts.field;
import static org.opportune.rest.internal.resources.JsonAsserts.fieldNames;
import static org.opportune.rest.internal.resources.JsonAsserts.fields;
import static org.opportune.rest.internal.resources.JsonAsserts.message;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;
import org.opportune.api.AccessDeniedException;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.PageRequest;
import org.opportune.api.SortKey;
import org.opportune.api.StaleVersionException;
import org.opportune.api.ValidationException;
import org.opportune.api.caller.Roles;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.task.NewTask;
import org.opportune.api.task.TaskChange;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskQuery;
import org.opportune.api.task.TaskService;
import org.opportune.api.task.TaskStatus;
import org.opportune.api.task.TaskType;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

/** {@code /tasks} and {@code /opportunities/{no}/tasks} over HTTP, against canned answers of the services. */
public class TaskResourceTest {
    static final String NEW_CALL = """
            {"type": "PHONE_CALL", "description": "Call back", "date": "2024-01-15", "opportunityNo": "op000001"}""";

    private final TaskService service = mock(TaskService.class);
    private final OpportunityService opportunities = mock(OpportunityService.class);
    private final TaskResource resource = new TaskResource();
    private final OpportunityResource opportunity = new OpportunityResource();
    private final ArgumentCaptor<TaskChange> change = ArgumentCaptor.forClass(TaskChange.class);
    private InProcessApi api;

    @Before
    public void setUp() {
        resource.tasks = service;
        opportunity.tasks = service;
        opportunity.opportunities = opportunities;
        api = new InProcessApi(resource, opportunity);
        doThrow(new NotFoundException("task", "TK000404")).when(service).get(anyString());
        doReturn(Views.call(1)).when(service).get("TK000001");
        doReturn(Views.call(1)).when(service).get("tk000001");
        doThrow(new NotFoundException("opportunity", "OP000404")).when(opportunities).get(anyString());
        doReturn(Views.bigDeal(1)).when(opportunities).get("op000001");
    }

    @Test
    public void getAnswersTheTaskWithEveryFieldAndItsVersionAsETag() {
        Reply reply = api.get("tasks/TK000001");

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"1\"", reply.header("ETag"));
        assertEquals("{\"no\":\"TK000001\",\"type\":\"PHONE_CALL\",\"description\":\"Call the buyer\","
                + "\"date\":\"2024-01-12\",\"priority\":\"NORMAL\",\"status\":\"OPEN\",\"salespersonCode\":\"JO\","
                + "\"contactNo\":\"CT000002\",\"opportunityNo\":\"OP000001\",\"opportunityEntryNo\":17,"
                + "\"activityCode\":\"INIT\",\"step\":1,\"dateCompleted\":null,\"version\":1,\"changedBy\":\"jo\","
                + "\"changedAt\":\"2024-01-10T09:30:00Z\"}", reply.body());
        assertEquals("task TK000404 does not exist",
                api.get("tasks/TK000404").problem(404, "not-found").get("detail").asText());
    }

    @Test
    public void listPassesEveryFilterAndThePaging() {
        when(service.list(any(), any())).thenReturn(Views.page(List.of(Views.call(1))));

        JsonNode page = api.get("tasks?opportunityNo=op000001&salespersonCode=jo&contactNo=CT000002&status=open"
                + "&dateFrom=2024-01-01&dateTo=2024-01-31&overdue=true&sort=date,-no&limit=20").json();

        assertEquals(List.of("items", "total", "offset", "limit"), fieldNames(page));
        assertEquals("TK000001", page.get("items").get(0).get("no").asText());
        verify(service).list(new TaskQuery("op000001", "jo", "CT000002", TaskStatus.OPEN, LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 1, 31), true), new PageRequest(0, 20, List.of(new SortKey("date", false),
                        new SortKey("no", true))));
        api.get("tasks");
        verify(service).list(TaskQuery.all(), PageRequest.first());
    }

    @Test
    public void aBadFilterAnUnknownFilterOrSortIs400NamingIt() {
        assertRefused("status=DONE", "status", "must be one of OPEN, COMPLETED, CANCELED (got 'DONE')");
        assertRefused("dateFrom=15.01.2024", "dateFrom", "must be a date like 2024-01-31 (got '15.01.2024')");
        assertRefused("overdue=soon", "overdue", "must be true or false (got 'soon')");
        assertRefused("dateFrom=2024-02-01&dateTo=2024-01-31", "dateTo", "must not be before dateFrom (2024-02-01)");
        JsonNode unknown = api.get("tasks?activityCode=INIT").problem(400, "validation");
        assertEquals("activityCode", field(unknown, 0));
        assertTrue(message(unknown, 0), message(unknown, 0).endsWith("known: opportunityNo, salespersonCode,"
                + " contactNo, status, dateFrom, dateTo, overdue, offset, limit, sort"));
        verify(service, never()).list(any(), any());
        when(service.list(any(), any())).thenThrow(new ValidationException("sort", "unknown sort field 'step'"));
        assertEquals("sort", field(api.get("tasks?sort=step").problem(400, "validation"), 0));
    }

    @Test
    public void createPassesTheNewTaskAndAnswers201WithLocationAndETag() {
        ArgumentCaptor<NewTask> created = ArgumentCaptor.forClass(NewTask.class);
        when(service.create(any())).thenReturn(Views.call(1));

        Reply reply = api.request("POST", "tasks").as(InProcessApi.SALESPERSON).json(NEW_CALL).send();

        assertEquals(reply.toString(), 201, reply.status());
        assertEquals("http://localhost:8181/api/v1/tasks/TK000001", reply.header("Location"));
        assertEquals("\"1\"", reply.header("ETag"));
        verify(service).create(created.capture());
        assertEquals(new NewTask(TaskType.PHONE_CALL, "Call back", LocalDate.of(2024, 1, 15), null, null, null,
                "op000001"), created.getValue());
    }

    @Test
    public void createRefusesServerOwnedFieldsAndBadValuesAndTranslatesTheServicesRefusals() {
        JsonNode owned = api.send("POST", "tasks", NEW_CALL.replace("}", ", \"no\": \"TK9\", \"status\": \"OPEN\","
                + " \"step\": 1, \"activityCode\": \"INIT\", \"version\": 1}")).problem(400, "validation");
        assertEquals(List.of("no", "status", "activityCode", "step", "version"), fields(owned));
        JsonNode type = api.send("POST", "tasks", NEW_CALL.replace("PHONE_CALL", "EMAIL")).problem(400, "validation");
        assertEquals("type", field(type, 0));
        assertEquals("must be one of TODO, MEETING, PHONE_CALL (got \"EMAIL\")", message(type, 0));
        assertEquals("date", field(api.send("POST", "tasks", NEW_CALL.replace("2024-01-15", "tomorrow"))
                .problem(400, "validation"), 0));
        assertEquals("priority", field(api.send("POST", "tasks", NEW_CALL.replace("}", ", \"priority\": 1}"))
                .problem(400, "validation"), 0));
        verify(service, never()).create(any());

        when(service.create(any())).thenThrow(new AccessDeniedException("a salesperson makes tasks for itself",
                List.of(Roles.OPPORTUNE_ADMIN, Roles.SALES_MANAGER)));
        api.request("POST", "tasks").as(InProcessApi.SALESPERSON).json(NEW_CALL.replace("}",
                ", \"salespersonCode\": \"ANN\"}")).send().problem(403, "forbidden");
        doThrow(new ValidationException("opportunityNo", "names no opportunity")).when(service).create(any());
        assertEquals("opportunityNo", field(api.send("POST", "tasks", NEW_CALL).problem(400, "validation"), 0));
    }

    @Test
    public void patchPassesOnlyWhatChangedWithTheVersionJustRead() {
        when(service.change(eq("TK000001"), any(), eq(1L))).thenReturn(Views.call(1).withDescription("Call", 2));

        Reply reply = api.request("PATCH", "tasks/tk000001").as(InProcessApi.SALESPERSON)
                .body("application/merge-patch+json", "{\"description\":\"Call\",\"priority\":\"HIGH\"}"
                        .getBytes(StandardCharsets.UTF_8)).send();

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        verify(service).change(eq("TK000001"), change.capture(), eq(1L));
        assertEquals("the salesperson as read is no hand-over", new TaskChange("Call", null, TaskPriority.HIGH, null),
                change.getValue());
    }

    @Test
    public void patchRefusesReadOnlyFieldsAMissingValueAndAStaleIfMatch() {
        JsonNode owned = api.send("PATCH", "tasks/TK000001", "{\"type\":\"MEETING\",\"status\":\"COMPLETED\","
                + "\"opportunityNo\":\"OP000002\",\"step\":2,\"no\":\"TK000002\"}").problem(400, "validation");
        assertEquals(List.of("no", "type", "status", "opportunityNo", "step"), fields(owned));
        assertEquals("is set when the task is made and cannot change (current PHONE_CALL)", message(owned, 1));
        assertEquals("is the key and cannot be changed (path says TK000001)", message(owned, 0));
        JsonNode missing = api.send("PATCH", "tasks/TK000001", "{\"description\":null}").problem(400, "validation");
        assertEquals("description", field(missing, 0));
        assertEquals("is required", message(missing, 0));
        assertEquals("priority", field(api.send("PATCH", "tasks/TK000001", "{\"priority\":\"URGENT\"}")
                .problem(400, "validation"), 0));
        api.request("PATCH", "tasks/TK000001").as(InProcessApi.ADMIN).header("If-Match", "\"0\"")
                .json("{\"description\":\"x\"}").send().problem(412, "precondition-failed");
        api.send("PATCH", "tasks/TK000404", "{\"description\":\"x\"}").problem(404, "not-found");
        verify(service, never()).change(anyString(), any(), any());
    }

    @Test
    public void putNeedsTheFourEditableFieldsAndTakesBackWhatWasRead() {
        JsonNode missing = api.send("PUT", "tasks/TK000001", "{\"description\":\"Call\"}").problem(400, "validation");
        assertEquals(List.of("date", "priority", "salespersonCode"), fields(missing));
        verify(service, never()).change(anyString(), any(), any());
        when(service.change(eq("TK000001"), any(), eq(1L))).thenReturn(Views.call(2));
        String read = api.get("tasks/TK000001").body();

        Reply reply = api.request("PUT", "tasks/TK000001").as(InProcessApi.MANAGER).header("If-Match", "\"1\"")
                .json(read.replace("\"2024-01-12\"", "\"2024-01-19\"").replace("\"JO\"", "\"ANN\"")).send();

        assertEquals(reply.toString(), 200, reply.status());
        verify(service).change(eq("TK000001"), change.capture(), eq(1L));
        assertEquals(new TaskChange(null, LocalDate.of(2024, 1, 19), null, "ANN"), change.getValue());
        assertEquals("version", field(api.send("PUT", "tasks/TK000001", read.replace("\"version\":1",
                "\"version\":7")).problem(400, "validation"), 0));
        assertEquals("dateCompleted", field(api.send("PUT", "tasks/TK000001", read.replace("\"dateCompleted\":null",
                "\"dateCompleted\":\"2024-01-12\"")).problem(400, "validation"), 0));
    }

    @Test
    public void theServicesRefusalsOfAChangeAreTranslated() {
        when(service.change(eq("TK000001"), any(), eq(1L))).thenThrow(new ConflictException("task TK000001 is"
                + " completed"));
        assertEquals("task TK000001 is completed", api.send("PATCH", "tasks/TK000001", "{\"description\":\"x\"}")
                .problem(409, "conflict").get("detail").asText());
        doThrow(new AccessDeniedException("a salesperson cannot give a task to another salesperson",
                List.of(Roles.OPPORTUNE_ADMIN, Roles.SALES_MANAGER))).when(service).change(anyString(), any(), any());
        api.request("PATCH", "tasks/TK000001").as(InProcessApi.SALESPERSON).json("{\"salespersonCode\":\"ANN\"}")
                .send().problem(403, "forbidden");
        doThrow(new StaleVersionException("task", "TK000001", 2)).when(service).change(anyString(), any(), any());
        api.send("PATCH", "tasks/TK000001", "{\"description\":\"x\"}").problem(412, "precondition-failed");
    }

    @Test
    public void completeTakesAnOptionalDateAndIfMatchAndAFinalTaskIs409() {
        when(service.complete("TK000001", LocalDate.of(2024, 1, 13), 1L)).thenReturn(Views.call(1)
                .completed(LocalDate.of(2024, 1, 13), 2));
        when(service.complete("TK000001", null, null)).thenReturn(Views.call(1).completed(LocalDate.of(2024, 1, 14),
                2));
        when(service.complete("TK000002", null, null)).thenThrow(new ConflictException("task TK000002 is canceled"));

        Reply reply = api.request("POST", "tasks/TK000001/complete").as(InProcessApi.SALESPERSON)
                .header("If-Match", "\"1\"").json("{\"dateCompleted\":\"2024-01-13\"}").send();

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        assertEquals("COMPLETED", reply.json().get("status").asText());
        assertEquals("2024-01-13", reply.json().get("dateCompleted").asText());
        assertEquals(200, api.request("POST", "tasks/TK000001/complete").as(InProcessApi.ADMIN).send().status());
        assertEquals(200, api.send("POST", "tasks/TK000001/complete", "{}").status());
        api.send("POST", "tasks/TK000002/complete", "{}").problem(409, "conflict");
        assertEquals("dateCompleted", field(api.send("POST", "tasks/TK000001/complete",
                "{\"dateCompleted\":\"today\"}").problem(400, "validation"), 0));
        assertEquals("status", field(api.send("POST", "tasks/TK000001/complete", "{\"status\":\"COMPLETED\"}")
                .problem(400, "validation"), 0));
    }

    @Test
    public void cancelAnswersTheTaskAndAFinalTaskIs409() {
        when(service.cancel("TK000001", 1L)).thenReturn(Views.call(2));
        when(service.cancel("TK000002", null)).thenThrow(new ConflictException("task TK000002 is completed"));

        Reply reply = api.request("POST", "tasks/TK000001/cancel").as(InProcessApi.MANAGER)
                .header("If-Match", "\"1\"").send();

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        api.request("POST", "tasks/TK000002/cancel").as(InProcessApi.ADMIN).send().problem(409, "conflict");
        api.request("POST", "tasks/TK000001/cancel").as(InProcessApi.ADMIN).header("If-Match", "one").send()
                .problem(400, "validation");
    }

    @Test
    public void everyRoleReadsTheSellingRolesChangeAndTheViewerNothing() {
        when(service.list(any(), any())).thenReturn(Views.page(List.of()));
        when(service.cancel(anyString(), any())).thenReturn(Views.call(2));
        for (String user : List.of(InProcessApi.ADMIN, InProcessApi.MANAGER, InProcessApi.SALESPERSON,
                InProcessApi.VIEWER)) {
            assertEquals(200, api.request("GET", "tasks").as(user).send().status());
            assertEquals(200, api.request("GET", "tasks/TK000001").as(user).send().status());
            assertEquals(200, api.request("GET", "opportunities/op000001/tasks").as(user).send().status());
        }
        for (String user : List.of(InProcessApi.ADMIN, InProcessApi.MANAGER, InProcessApi.SALESPERSON)) {
            assertEquals(200, api.request("POST", "tasks/TK000001/cancel").as(user).send().status());
        }
        api.request("POST", "tasks").as(InProcessApi.VIEWER).json(NEW_CALL).send().problem(403, "forbidden");
        api.request("PUT", "tasks/TK000001").as(InProcessApi.VIEWER).json("{}").send().problem(403, "forbidden");
        api.request("PATCH", "tasks/TK000001").as(InProcessApi.VIEWER).json("{}").send().problem(403, "forbidden");
        api.request("POST", "tasks/TK000001/complete").as(InProcessApi.VIEWER).send().problem(403, "forbidden");
        api.request("POST", "tasks/TK000001/cancel").as(InProcessApi.VIEWER).send().problem(403, "forbidden");
        api.request("GET", "tasks").as(InProcessApi.CLERK).send().problem(403, "forbidden");
        verify(service, never()).create(any());
        verify(service, never()).complete(anyString(), any(), any());
    }

    @Test
    public void theOpportunitysTasksAreItsListFilteredAsTasksAreButForTheOpportunity() {
        when(service.list(any(), any())).thenReturn(Views.page(List.of(Views.call(1))));

        JsonNode page = api.get("opportunities/op000001/tasks?status=OPEN&overdue=false&sort=-date").json();

        assertEquals(List.of("items", "total", "offset", "limit"), fieldNames(page));
        assertEquals("TK000001", page.get("items").get(0).get("no").asText());
        verify(service).list(new TaskQuery("OP000001", null, null, TaskStatus.OPEN, null, null, false),
                new PageRequest(0, 50, List.of(new SortKey("date", true))));
        JsonNode unknown = api.get("opportunities/op000001/tasks?opportunityNo=OP000002").problem(400, "validation");
        assertEquals("opportunityNo", field(unknown, 0));
        assertEquals("opportunity OP000404 does not exist",
                api.get("opportunities/OP000404/tasks").problem(404, "not-found").get("detail").asText());
    }

    @Test
    public void withoutTheTasksModuleEveryEndpointIs503AndRecovers() {
        resource.tasks = null;
        opportunity.tasks = null;

        assertEquals("the tasks module is not available",
                api.get("tasks").problem(503, "unavailable").get("detail").asText());
        api.send("POST", "tasks", NEW_CALL).problem(503, "unavailable");
        api.get("tasks/TK000001").problem(503, "unavailable");
        api.send("PUT", "tasks/TK000001", "{}").problem(503, "unavailable");
        api.send("PATCH", "tasks/TK000001", "{}").problem(503, "unavailable");
        api.send("POST", "tasks/TK000001/complete", "{}").problem(503, "unavailable");
        api.request("POST", "tasks/TK000001/cancel").as(InProcessApi.ADMIN).send().problem(503, "unavailable");
        assertEquals("the tasks module is not available",
                api.get("opportunities/op000001/tasks").problem(503, "unavailable").get("detail").asText());
        opportunity.opportunities = null;
        assertEquals("the opportunities module is not available",
                api.get("opportunities/op000001/tasks").problem(503, "unavailable").get("detail").asText());

        resource.tasks = service;
        assertEquals(200, api.get("tasks/TK000001").status());
    }

    private void assertRefused(String query, String parameter, String text) {
        JsonNode problem = api.get("tasks?" + query).problem(400, "validation");
        assertEquals(parameter, field(problem, 0));
        assertEquals(text, message(problem, 0));
    }
}
