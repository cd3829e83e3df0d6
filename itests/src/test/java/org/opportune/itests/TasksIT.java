package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opportune.api.ConflictException;
import org.opportune.api.opportunity.MoveParticipant;
import org.opportune.api.opportunity.OpportunityService;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * Activities and tasks over real HTTP (DOMAIN §10, API.md): the worked example of DOMAIN §9 with an activity of two
 * steps on stage 2 and a step-less one on stage 3 — which moves make tasks, with which dates, numbers and entry; which
 * cancel them; a refused move that creates and cancels nothing — then tasks made by hand, their final states, the
 * filters, the reports, and what tasks and activities keep from being deleted.
 * <p>
 * "Today" is a {@link SettableClock} registered as the clock of the opportunities and tasks modules. The methods share
 * one Karaf and run in any order: each uses codes of its own.
 */
public class TasksIT extends UsersTestSupport {
    private static final String MERGE_PATCH = "application/merge-patch+json";
    /** The estimated value that {@link #refusingParticipant()} refuses. */
    private static final String REFUSED_VALUE = "777777";

    private final SettableClock clock = new SettableClock(LocalDate.of(2024, 1, 10));
    private ServiceRegistration<Clock> clockRegistration;

    @Override
    protected Map<String, String> users() {
        return Map.of();
    }

    @Before
    public void registerClock() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(OpportunityService.CLOCK_PROPERTY, "itest");
        properties.put(Constants.SERVICE_RANKING, 100);
        clockRegistration = bundleContext.registerService(Clock.class, clock, properties);
    }

    @After
    public void unregisterClock() {
        clockRegistration.unregister();
    }

    // ---------------------------------------------------------------- the worked example of DOMAIN §9 with tasks

    @Test
    public void workedExampleMakesAndCancelsTasksInTheMovesTransaction() {
        setUp("TKW", stages("TKWPRES", "TKWPROP", false));
        String no;
        clock.set(LocalDate.of(2024, 1, 10));
        Response created = http("POST", OPPORTUNITIES, """
                {"description": "Worked example with tasks", "contactNo": "CTKW", "salesCycleCode": "TKW",
                 "activate": {"estimatedValue": 10000, "chancesOfSuccessPercent": 25,
                              "estimatedCloseDate": "2024-03-31"}}""");
        assertEquals(created.body(), 201, created.status());
        no = created.json().path("no").asText();
        assertEquals("stage 1 names no activity: no task", 0, tasksOf(no).size());
        assertEquals(0, list(TASKS + "?opportunityNo=" + no).path("total").asLong());

        // NEXT into stage 2: one task per step, in step order, dated from the date of change
        clock.set(LocalDate.of(2024, 1, 20));
        Response next = http("POST", OPPORTUNITIES + "/" + no + "/updates", "{\"action\": \"NEXT\"}",
                "If-Match", etag(created));
        assertEquals(next.body(), 200, next.status());
        long entry2 = lastEntry(no).path("entryNo").asLong();
        JsonNode two = tasksOf(no);
        assertEquals(two.toString(), 2, two.size());
        assertTask(two.get(0), "PHONE_CALL", "Call the buyer", "2024-01-22", "NORMAL", "OPEN");
        assertTask(two.get(1), "MEETING", "Meet the decision makers", "2024-01-27", "HIGH", "OPEN");
        for (int step = 1; step <= 2; step++) {
            JsonNode task = two.get(step - 1);
            assertFromTheOpportunity(task, no, "SPTKW", "CTKW");
            assertEquals(task.toString(), entry2, task.path("opportunityEntryNo").asLong());
            assertEquals(task.toString(), "TKWPRES", task.path("activityCode").asText());
            assertEquals(task.toString(), step, task.path("step").asInt());
            assertTrue(task.toString(), task.path("dateCompleted").isNull());
            assertEquals(task.toString(), ADMIN, task.path("changedBy").asText());
            assertTrue(task.toString(), task.path("no").asText().matches("TK\\d{6}"));
        }
        assertTrue("numbered in step order: " + two,
                two.get(0).path("no").asText().compareTo(two.get(1).path("no").asText()) < 0);
        Response single = http("GET", TASKS + "/" + two.get(0).path("no").asText(), null);
        assertEquals(single.body(), 200, single.status());
        assertEquals(two.get(0), single.json());
        etag(single);
        assertEquals(values(list(TASKS + "?opportunityNo=" + no), "no"), values(list(OPPORTUNITIES + "/" + no
                + "/tasks"), "no"));

        // refused moves create and cancel nothing: a stale If-Match, and a participant called after the tasks one
        JsonNode opportunityBefore = http("GET", OPPORTUNITIES + "/" + no, null).json();
        assertProblem(http("POST", OPPORTUNITIES + "/" + no + "/updates",
                "{\"action\": \"NEXT\", \"cancelOpenTasks\": true}", "If-Match", etag(created)), 412);
        ServiceRegistration<MoveParticipant> refuser = refusingParticipant();
        try {
            assertProblem(http("POST", OPPORTUNITIES + "/" + no + "/updates",
                    "{\"action\": \"NEXT\", \"cancelOpenTasks\": true, \"estimatedValue\": " + REFUSED_VALUE + "}"),
                    409);
        } finally {
            refuser.unregister();
        }
        assertEquals("the refused moves canceled and created nothing", two, tasksOf(no));
        assertUnchanged(OPPORTUNITIES + "/" + no, opportunityBefore);
        assertEquals(2, total(OPPORTUNITIES + "/" + no + "/entries"));

        // NEXT into stage 3 canceling the open tasks first; a step-less activity makes one TODO
        clock.set(LocalDate.of(2024, 2, 5));
        Response third = http("POST", OPPORTUNITIES + "/" + no + "/updates", """
                {"action": "NEXT", "estimatedValue": 12000, "chancesOfSuccessPercent": 55, "cancelOpenTasks": true}""",
                "If-Match", etag(next));
        assertEquals(third.body(), 200, third.status());
        long entry3 = lastEntry(no).path("entryNo").asLong();
        Map<String, JsonNode> three = byNo(tasksOf(no));
        assertEquals(three.toString(), 3, three.size());
        for (JsonNode old : two) {
            JsonNode now = three.get(old.path("no").asText());
            assertEquals(now.toString(), "CANCELED", now.path("status").asText());
            assertEquals("a cancel is a change", old.path("version").asLong() + 1, now.path("version").asLong());
        }
        JsonNode todo = only(tasksOf(no, "&status=OPEN"));
        assertTask(todo, "TODO", "Send the proposal", "2024-02-05", "NORMAL", "OPEN");
        assertFromTheOpportunity(todo, no, "SPTKW", "CTKW");
        assertEquals(todo.toString(), entry3, todo.path("opportunityEntryNo").asLong());
        assertEquals(todo.toString(), "TKWPROP", todo.path("activityCode").asText());

        // UPDATE makes no task and keeps the open one
        JsonNode beforeUpdate = tasksOf(no);
        Response updated = http("POST", OPPORTUNITIES + "/" + no + "/updates",
                "{\"action\": \"UPDATE\", \"estimatedValue\": 12500}");
        assertEquals(updated.body(), 200, updated.status());
        assertEquals(beforeUpdate, tasksOf(no));

        // a task made by hand for the opportunity: salesperson and contact from it
        clock.set(LocalDate.of(2024, 2, 8));
        Response made = http("POST", TASKS, """
                {"type": "PHONE_CALL", "description": "Ask for the decision", "date": "2024-02-12",
                 "opportunityNo": "%s"}""".formatted(no));
        assertEquals(made.body(), 201, made.status());
        JsonNode byHand = made.json();
        String handNo = byHand.path("no").asText();
        assertTrue(made.header("Location"), made.header("Location").endsWith(TASKS + "/" + handNo));
        assertTask(byHand, "PHONE_CALL", "Ask for the decision", "2024-02-12", "NORMAL", "OPEN");
        assertFromTheOpportunity(byHand, no, "SPTKW", "CTKW");
        assertTrue(byHand.toString(), byHand.path("activityCode").isNull());
        assertTrue(byHand.toString(), byHand.path("opportunityEntryNo").isNull());
        String handPath = TASKS + "/" + handNo;
        Response patched = http("PATCH", handPath, """
                {"description": "Ask for the decision again", "date": "2024-02-13", "priority": "HIGH"}""",
                "Content-Type", MERGE_PATCH, "If-Match", etag(made));
        assertEquals(patched.body(), 200, patched.status());
        assertTask(patched.json(), "PHONE_CALL", "Ask for the decision again", "2024-02-13", "HIGH", "OPEN");
        assertEquals(byHand.path("version").asLong() + 1, patched.json().path("version").asLong());
        assertProblem(http("PATCH", handPath, "{\"description\": \"late\"}", "If-Match", etag(made)), 412);
        assertProblem(http("PATCH", handPath, "{\"type\": \"MEETING\"}"), 400, "type");
        assertProblem(http("PATCH", handPath, "{\"priority\": \"URGENT\"}"), 400, "priority");
        assertProblem(http("PATCH", handPath, "{\"status\": \"COMPLETED\"}"), 400, "status");
        assertProblem(http("PATCH", handPath, "{\"date\": \"next week\"}"), 400, "date");
        assertUnchanged(handPath, patched.json());

        // filters, as of 2024-02-08: the TODO of 2024-02-05 is overdue, the hand-made one of 2024-02-13 is not
        String mine = "?opportunityNo=" + no;
        assertEquals(List.of(todo.path("no").asText()), values(list(TASKS + mine + "&overdue=true"), "no"));
        assertEquals(3, list(TASKS + mine + "&overdue=false").path("total").asLong());
        assertEquals(2, list(TASKS + mine + "&status=OPEN").path("total").asLong());
        assertEquals(2, list(TASKS + mine + "&status=CANCELED").path("total").asLong());
        assertEquals(List.of("2024-01-27", "2024-02-05"),
                values(list(TASKS + mine + "&dateFrom=2024-01-23&dateTo=2024-02-05"), "date"));
        assertEquals(4, list(TASKS + mine + "&salespersonCode=SPTKW&contactNo=CTKW").path("total").asLong());
        assertEquals(0, list(TASKS + mine + "&salespersonCode=SPTKG").path("total").asLong());
        assertEquals(List.of(todo.path("no").asText()),
                values(list(OPPORTUNITIES + "/" + no + "/tasks?overdue=true"), "no"));
        assertEquals(List.of(handNo, todo.path("no").asText()),
                values(list(TASKS + mine + "&status=OPEN&sort=-date"), "no"));

        JsonNode counts = tasksBySalesperson("?salespersonCode=SPTKW");
        assertCounts(counts, "SPTKW", 2, 1, 0);

        // completed and canceled are final
        Response completed = http("POST", handPath + "/complete", "{\"dateCompleted\": \"2024-02-08\"}");
        assertEquals(completed.body(), 200, completed.status());
        assertEquals("COMPLETED", completed.json().path("status").asText());
        assertEquals("2024-02-08", completed.json().path("dateCompleted").asText());
        assertProblem(http("POST", handPath + "/complete", "{}"), 409);
        assertProblem(http("POST", handPath + "/cancel", null), 409);
        assertProblem(http("PATCH", handPath, "{\"description\": \"after the end\"}"), 409);
        assertUnchanged(handPath, completed.json());
        String todoPath = TASKS + "/" + todo.path("no").asText();
        assertProblem(http("POST", todoPath + "/complete", "{\"dateCompleted\": \"2024-03-01\"}"), 400,
                "dateCompleted");
        assertProblem(http("POST", TASKS + "/" + two.get(0).path("no").asText() + "/complete", "{}"), 409);
        assertEquals(1, list(TASKS + mine + "&status=COMPLETED").path("total").asLong());
        assertCounts(tasksBySalesperson("?salespersonCode=SPTKW"), "SPTKW", 1, 1, 1);
        assertCounts(tasksBySalesperson("?salespersonCode=SPTKW&from=2024-02-01&to=2024-02-29"), "SPTKW", 1, 1, 1);
        assertCounts(tasksBySalesperson("?salespersonCode=SPTKW&from=2024-03-01&to=2024-03-31"), "SPTKW", 1, 1, 0);
        Response csv = http("GET", REPORTS + "/tasks-by-salesperson?salespersonCode=SPTKW", null, "Accept",
                "text/csv");
        assertEquals(csv.body(), 200, csv.status());
        assertTrue(csv.header("Content-Type"), csv.header("Content-Type").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertTrue(csv.body(), lines[0].contains("salespersonCode") && lines[0].contains("open")
                && lines[0].contains("overdue") && lines[0].contains("completed"));
        assertTrue(csv.body(), lines.length >= 2 && lines[1].startsWith("SPTKW,"));

        JsonNode details = http("GET", REPORTS + "/opportunity-details?opportunityNo=" + no, null).json();
        for (String task : three.keySet()) {
            assertTrue("opportunity-details shows task " + task + ": " + details, details.toString().contains(task));
        }
        assertTrue(details.toString(), details.toString().contains(handNo));
        assertEquals("the entries are still the rows", 4, details.path("rows").size());

        // close WON: its default cancels the open tasks (the completed one stays completed)
        clock.set(LocalDate.of(2024, 2, 15));
        Response won = http("POST", OPPORTUNITIES + "/" + no + "/close",
                "{\"outcome\": \"WON\", \"closeCode\": \"WIN1\", \"value\": 11500}");
        assertEquals(won.body(), 200, won.status());
        assertEquals(0, list(TASKS + mine + "&status=OPEN").path("total").asLong());
        assertEquals(3, list(TASKS + mine + "&status=CANCELED").path("total").asLong());
        assertEquals(List.of(handNo), values(list(TASKS + mine + "&status=COMPLETED"), "no"));
        assertEquals(4, tasksOf(no).size());

        // deleting the opportunity deletes its tasks
        Response deleted = http("DELETE", OPPORTUNITIES + "/" + no, null, "If-Match", etag(won));
        assertEquals(deleted.body(), 204, deleted.status());
        assertEquals(0, list(TASKS + mine).path("total").asLong());
        for (String task : three.keySet()) {
            assertProblem(http("GET", TASKS + "/" + task, null), 404);
        }
        assertProblem(http("GET", handPath, null), 404);
        assertProblem(http("GET", OPPORTUNITIES + "/" + no + "/tasks", null), 404);
    }

    /** Activation makes tasks too; a NEXT refused by the quote rule cancels nothing; closing may keep them. */
    @Test
    public void activationMakesTasksAndARuleRefusalCancelsNothing() {
        ensureActivity("TKQFIRST", "Qualify the lead", """
                [{"step": 1, "type": "PHONE_CALL", "description": "Call the lead", "dateFormula": "1D"}]""");
        ensureActivity("TKQQUOTE", "Quote", """
                [{"step": 1, "type": "TODO", "description": "Write the quote"},
                 {"step": 2, "type": "PHONE_CALL", "description": "Follow the quote up", "dateFormula": "1W",
                  "priority": "LOW"}]""");
        setUp("TKQ", """
                [{"stage": 1, "description": "Lead", "completedPercent": 10, "chancesOfSuccessPercent": 20,
                  "activityCode": "TKQFIRST"},
                 {"stage": 2, "description": "Quote", "completedPercent": 50, "chancesOfSuccessPercent": 50,
                  "activityCode": "TKQQUOTE", "quoteRequired": true}]""");
        clock.set(LocalDate.of(2024, 4, 2));
        String no = createOpportunity("Quote needed", "CTKQ", "TKQ", null, false);
        assertEquals(0, tasksOf(no).size());
        Response activated = http("POST", OPPORTUNITIES + "/" + no + "/activate", "{}");
        assertEquals(activated.body(), 200, activated.status());
        JsonNode first = only(tasksOf(no));
        assertTask(first, "PHONE_CALL", "Call the lead", "2024-04-03", "NORMAL", "OPEN");
        assertEquals(lastEntry(no).path("entryNo").asLong(), first.path("opportunityEntryNo").asLong());

        JsonNode before = http("GET", OPPORTUNITIES + "/" + no, null).json();
        JsonNode refused = assertProblem(http("POST", OPPORTUNITIES + "/" + no + "/updates",
                "{\"action\": \"NEXT\", \"estimatedValue\": 900, \"cancelOpenTasks\": true}"), 409);
        assertTrue(refused.toString(), refused.toString().contains("quote"));
        assertEquals("nothing canceled, nothing made", List.of(first), List.of(only(tasksOf(no))));
        assertUnchanged(OPPORTUNITIES + "/" + no, before);

        Response quoted = http("PUT", OPPORTUNITIES + "/" + no + "/sales-quote", "{\"no\": \"SQTKQ1\", \"amount\": 900}");
        assertEquals(quoted.body(), 200, quoted.status());
        clock.set(LocalDate.of(2024, 4, 4));
        Response next = http("POST", OPPORTUNITIES + "/" + no + "/updates", "{\"action\": \"NEXT\"}");
        assertEquals(next.body(), 200, next.status());
        assertEquals("cancelOpenTasks is false by default for an update", 3,
                list(TASKS + "?opportunityNo=" + no + "&status=OPEN").path("total").asLong());
        JsonNode quoteTasks = tasksOf(no, "&status=OPEN&dateFrom=2024-04-04");
        assertEquals(quoteTasks.toString(), List.of("2024-04-04", "2024-04-11"), texts(quoteTasks, "date"));
        assertEquals(List.of("TODO", "PHONE_CALL"), texts(quoteTasks, "type"));
        assertEquals(List.of("NORMAL", "LOW"), texts(quoteTasks, "priority"));

        // PREVIOUS back to stage 1 makes its tasks again; a close told to keep them keeps them
        Response previous = http("POST", OPPORTUNITIES + "/" + no + "/updates",
                "{\"action\": \"PREVIOUS\", \"cancelOpenTasks\": true}");
        assertEquals(previous.body(), 200, previous.status());
        JsonNode open = tasksOf(no, "&status=OPEN");
        assertEquals(open.toString(), 1, open.size());
        assertTask(open.get(0), "PHONE_CALL", "Call the lead", "2024-04-05", "NORMAL", "OPEN");
        Response lost = http("POST", OPPORTUNITIES + "/" + no + "/close",
                "{\"outcome\": \"LOST\", \"closeCode\": \"PRICE\", \"cancelOpenTasks\": false}");
        assertEquals(lost.body(), 200, lost.status());
        assertEquals(open, tasksOf(no, "&status=OPEN"));
    }

    // ---------------------------------------------------------------- what cannot be deleted, what is refused

    @Test
    public void openTasksAndStagesKeepTheirRecordsFromBeingDeleted() {
        clock.set(LocalDate.of(2024, 5, 2));
        ensureSalesperson("SPTKG", "Seller TKG", null);
        Response contact = http("POST", CONTACTS, "{\"no\": \"CTKG\", \"type\": \"PERSON\", \"name\": \"Guarded\"}");
        assertEquals(contact.body(), 201, contact.status());
        JsonNode task = createTask(ADMIN, """
                {"type": "MEETING", "description": "Lunch", "date": "2024-05-03", "salespersonCode": "SPTKG",
                 "contactNo": "CTKG"}""");
        assertTrue(task.toString(), task.path("opportunityNo").isNull());

        JsonNode salesperson = assertProblem(http("DELETE", SALESPEOPLE + "/SPTKG", null), 409);
        assertTrue(salesperson.toString(), salesperson.path("detail").asText().contains("task"));
        JsonNode guardedContact = assertProblem(http("DELETE", CONTACTS + "/CTKG", null), 409);
        assertTrue(guardedContact.toString(), guardedContact.path("detail").asText().contains("task"));
        Response canceled = http("POST", TASKS + "/" + task.path("no").asText() + "/cancel", null);
        assertEquals(canceled.body(), 200, canceled.status());
        assertEquals("CANCELED", canceled.json().path("status").asText());
        assertEquals("no open task any more", 204, http("DELETE", CONTACTS + "/CTKG", null).status());
        assertEquals(204, http("DELETE", SALESPEOPLE + "/SPTKG", null).status());

        // an activity a stage names
        ensureActivity("TKGNAMED", "Named by a stage", "[]");
        ensureActivity("TKGFREE", "Named by none", "[]");
        Response cycle = http("POST", CYCLES, """
                {"code": "TKG", "stages": [{"stage": 1, "description": "One", "completedPercent": 10,
                 "chancesOfSuccessPercent": 10, "activityCode": "tkgnamed"}]}""");
        assertEquals(cycle.body(), 201, cycle.status());
        assertEquals("TKGNAMED", cycle.json().path("stages").get(0).path("activityCode").asText());
        JsonNode named = assertProblem(http("DELETE", ACTIVITIES + "/TKGNAMED", null), 409);
        assertTrue("names the stage: " + named, named.path("detail").asText().contains("TKG"));
        assertEquals(200, http("GET", ACTIVITIES + "/TKGNAMED", null).status());
        assertEquals(204, http("DELETE", ACTIVITIES + "/TKGFREE", null).status());
        assertProblem(http("GET", ACTIVITIES + "/TKGFREE", null), 404);
        Response cleared = http("PATCH", CYCLES + "/TKG/stages/1", "{\"activityCode\": null}");
        assertEquals(cleared.body(), 200, cleared.status());
        assertEquals("no stage names it any more", 204, http("DELETE", ACTIVITIES + "/TKGNAMED", null).status());

        // stages: an unknown activity, a bad maxDaysIdle
        assertProblem(http("POST", CYCLES, """
                {"code": "TKGBAD", "stages": [{"stage": 1, "description": "One", "completedPercent": 10,
                 "chancesOfSuccessPercent": 10, "activityCode": "NOPE"}]}"""), 400, "stages[0].activityCode");
        assertProblem(http("GET", CYCLES + "/TKGBAD", null), 404);
        assertProblem(http("POST", CYCLES, """
                {"code": "TKGBAD", "stages": [{"stage": 1, "description": "One", "completedPercent": 10,
                 "chancesOfSuccessPercent": 10, "maxDaysIdle": 0}]}"""), 400, "stages[0].maxDaysIdle");
        assertProblem(http("POST", CYCLES + "/TKG/stages", """
                {"stage": 2, "description": "Two", "completedPercent": 20, "chancesOfSuccessPercent": 20,
                 "activityCode": "NOPE"}"""), 400, "activityCode");
        JsonNode stage = http("GET", CYCLES + "/TKG/stages/1", null).json();
        assertProblem(http("PATCH", CYCLES + "/TKG/stages/1", "{\"activityCode\": \"NOPE\"}"), 400, "activityCode");
        assertProblem(http("PATCH", CYCLES + "/TKG/stages/1", "{\"maxDaysIdle\": 0}"), 400, "maxDaysIdle");
        assertProblem(http("PATCH", CYCLES + "/TKG/stages/1", "{\"maxDaysIdle\": \"soon\"}"), 400, "maxDaysIdle");
        assertUnchanged(CYCLES + "/TKG/stages/1", stage);
        Response limited = http("PATCH", CYCLES + "/TKG/stages/1", "{\"maxDaysIdle\": 7}");
        assertEquals(limited.body(), 200, limited.status());
        assertEquals(7, limited.json().path("maxDaysIdle").asInt());
        assertEquals(7, http("GET", CYCLES + "/TKG", null).json().path("stages").get(0).path("maxDaysIdle").asInt());
        Response unlimited = http("PATCH", CYCLES + "/TKG/stages/1", "{\"maxDaysIdle\": null}");
        assertEquals(unlimited.body(), 200, unlimited.status());
        assertTrue(unlimited.body(), unlimited.json().path("maxDaysIdle").isNull());
    }

    @Test
    public void badTaskRequestsAreRefusedAndWriteNothing() {
        clock.set(LocalDate.of(2024, 5, 6));
        setUp("TKB", stages(null, null, false));
        long before = list(TASKS).path("total").asLong();
        for (String filter : List.of("status=DONE", "overdue=maybe", "dateFrom=yesterday", "dateTo=2024-13-01",
                "color=red", "sort=colour")) {
            assertProblem(http("GET", TASKS + "?" + filter, null), 400, filter.substring(0, filter.indexOf('=')));
        }
        assertProblem(http("GET", TASKS + "/TK999999", null), 404);
        assertProblem(http("POST", TASKS + "/TK999999/complete", "{}"), 404);
        assertProblem(http("GET", OPPORTUNITIES + "/OP999999/tasks", null), 404);

        JsonNode missing = assertProblem(http("POST", TASKS, "{\"salespersonCode\": \"SPTKB\"}"), 400);
        assertTrue(missing.toString(), errorFields(missing).containsAll(List.of("type", "description", "date")));
        String valid = "\"type\": \"TODO\", \"description\": \"Something\", \"date\": \"2024-05-07\"";
        assertProblem(http("POST", TASKS, "{" + valid + ", \"salespersonCode\": \"NOBODY\"}"), 400,
                "salespersonCode");
        assertProblem(http("POST", TASKS, "{" + valid + ", \"salespersonCode\": \"SPTKB\", \"contactNo\": \"CT999999\"}"),
                400, "contactNo");
        assertProblem(http("POST", TASKS, "{" + valid + ", \"opportunityNo\": \"OP999999\"}"), 400, "opportunityNo");
        assertProblem(http("POST", TASKS, "{\"type\": \"EMAIL\", \"description\": \"x\", \"date\": \"2024-05-07\","
                + " \"salespersonCode\": \"SPTKB\"}"), 400, "type");
        assertProblem(http("POST", TASKS, "{" + valid + ", \"salespersonCode\": \"SPTKB\", \"status\": \"COMPLETED\"}"),
                400, "status");
        assertProblem(http("POST", TASKS, "{\"type\": \"TODO\", \"date\": \"2024-05-07\", \"salespersonCode\": \"SPTKB\","
                + " \"description\": \"" + "x".repeat(101) + "\"}"), 400, "description");
        assertEquals("nothing written", before, list(TASKS).path("total").asLong());

        JsonNode task = createTask(ADMIN, "{" + valid + ", \"salespersonCode\": \"SPTKB\", \"contactNo\": \"CTKB\"}");
        String path = TASKS + "/" + task.path("no").asText();
        assertProblem(http("PUT", path, "{\"description\": \"only this\"}"), 400);
        Response replaced = http("PUT", path, """
                {"type": "TODO", "description": "Replaced", "date": "2024-05-09", "priority": "LOW",
                 "salespersonCode": "SPTKB"}""", "If-Match", etag(http("GET", path, null)));
        assertEquals(replaced.body(), 200, replaced.status());
        assertTask(replaced.json(), "TODO", "Replaced", "2024-05-09", "LOW", "OPEN");
        assertEquals("CTKB", replaced.json().path("contactNo").asText());
    }

    // ---------------------------------------------------------------- activities

    @Test
    public void activitiesWithTheirStepsOverHttp() {
        Response created = http("POST", ACTIVITIES, """
                {"code": "tkc", "description": "Initial contact", "steps": [
                  {"step": 1, "type": "PHONE_CALL", "description": "Call the buyer", "dateFormula": "2d"},
                  {"step": 2, "type": "MEETING", "description": "Meet the buyer", "priority": "HIGH",
                   "dateFormula": "1W"}]}""");
        assertEquals(created.body(), 201, created.status());
        assertTrue(created.header("Location"), created.header("Location").endsWith(ACTIVITIES + "/TKC"));
        JsonNode activity = created.json();
        assertEquals("TKC", activity.path("code").asText());
        assertEquals(List.of("1", "2"), texts(activity.path("steps"), "step"));
        assertEquals(List.of("NORMAL", "HIGH"), texts(activity.path("steps"), "priority"));
        assertEquals(List.of("2D", "1W"), texts(activity.path("steps"), "dateFormula"));
        assertEquals(ADMIN, activity.path("changedBy").asText());
        Response read = http("GET", ACTIVITIES + "/tkc", null);
        assertEquals(read.body(), 200, read.status());
        assertEquals(activity, read.json());
        assertEquals(etag(created), etag(read));
        assertTrue(values(list(ACTIVITIES + "?q=initial%20contact"), "code").contains("TKC"));
        assertProblem(http("POST", ACTIVITIES, "{\"code\": \"TKC\", \"description\": \"Again\"}"), 409);

        Response added = http("POST", ACTIVITIES + "/TKC/steps",
                "{\"type\": \"TODO\", \"description\": \"Send the summary\"}");
        assertEquals(added.body(), 201, added.status());
        assertEquals(List.of("1", "2", "3"), texts(added.json().path("steps"), "step"));
        assertTrue(added.json().path("steps").get(2).path("dateFormula").isNull());
        Response removed = http("DELETE", ACTIVITIES + "/TKC/steps/2", null);
        assertEquals(removed.body(), 200, removed.status());
        assertEquals(List.of("1", "3"), texts(removed.json().path("steps"), "step"));
        assertProblem(http("DELETE", ACTIVITIES + "/TKC/steps/2", null), 404);
        Response patched = http("PATCH", ACTIVITIES + "/TKC", "{\"description\": \"First contact\"}",
                "Content-Type", MERGE_PATCH, "If-Match", etag(removed));
        assertEquals(patched.body(), 200, patched.status());
        assertEquals("First contact", patched.json().path("description").asText());
        assertEquals(2, patched.json().path("steps").size());
        assertProblem(http("PATCH", ACTIVITIES + "/TKC", "{\"description\": \"Lost\"}", "If-Match", etag(removed)),
                412);
        Response replaced = http("PUT", ACTIVITIES + "/TKC", """
                {"code": "TKC", "description": "Replaced", "steps": [{"step": 1, "type": "TODO",
                 "description": "Only this"}]}""");
        assertEquals(replaced.body(), 200, replaced.status());
        assertEquals(1, replaced.json().path("steps").size());

        JsonNode before = http("GET", ACTIVITIES + "/TKC", null).json();
        assertProblem(http("POST", ACTIVITIES, "{\"code\": \"TOOLONGCODE\", \"description\": \"x\"}"), 400, "code");
        assertProblem(http("POST", ACTIVITIES, "{\"code\": \"TKCNODESC\"}"), 400, "description");
        assertStepFieldRefused(http("POST", ACTIVITIES, """
                {"code": "TKCBAD", "description": "x", "steps": [{"step": 1, "type": "EMAIL", "description": "x"}]}"""),
                "type");
        assertStepFieldRefused(http("POST", ACTIVITIES, """
                {"code": "TKCBAD", "description": "x", "steps": [{"step": 1, "type": "TODO", "description": "x",
                 "dateFormula": "2X"}]}"""), "dateFormula");
        assertStepFieldRefused(http("POST", ACTIVITIES, """
                {"code": "TKCBAD", "description": "x", "steps": [{"step": 0, "type": "TODO", "description": "x"}]}"""),
                "step");
        assertProblem(http("POST", ACTIVITIES, """
                {"code": "TKCBAD", "description": "x", "steps": [{"step": 1, "type": "TODO", "description": "x"},
                 {"step": 1, "type": "TODO", "description": "y"}]}"""), 400);
        assertProblem(http("PUT", ACTIVITIES + "/TKC", """
                {"code": "TKC", "description": "x", "steps": [{"step": 1, "type": "CALL", "description": "x"}]}"""),
                400);
        assertProblem(http("GET", ACTIVITIES + "/TKCBAD", null), 404);
        assertUnchanged(ACTIVITIES + "/TKC", before);
        assertProblem(http("GET", ACTIVITIES + "/NOPE", null), 404);

        assertEquals(204, http("DELETE", ACTIVITIES + "/TKC", null).status());
        assertProblem(http("GET", ACTIVITIES + "/TKC", null), 404);
        assertProblem(http("DELETE", ACTIVITIES + "/TKC", null), 404);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The four stages of DOMAIN §9; stage 2 and 3 name the activities given (null: none); {@code quoteAt4}: stage 4
     * requires a quote.
     */
    static String stages(String stage2Activity, String stage3Activity, boolean quoteAt4) {
        return """
                [{"stage": 1, "description": "Initial", "completedPercent": 10, "chancesOfSuccessPercent": 20,
                  "dateFormula": "5D", "allowSkip": false},
                 {"stage": 2, "description": "Presentation", "completedPercent": 30, "chancesOfSuccessPercent": 40,
                  "dateFormula": "10D", "allowSkip": true, "activityCode": %s},
                 {"stage": 3, "description": "Proposal", "completedPercent": 60, "chancesOfSuccessPercent": 50,
                  "dateFormula": "7D", "allowSkip": true, "activityCode": %s},
                 {"stage": 4, "description": "Negotiation", "completedPercent": 80, "chancesOfSuccessPercent": 75,
                  "dateFormula": "14D", "allowSkip": false, "quoteRequired": %s}]"""
                .formatted(quoted(stage2Activity), quoted(stage3Activity), quoteAt4);
    }

    private static String quoted(String code) {
        return code == null ? "null" : "\"" + code + "\"";
    }

    /**
     * Salesperson SP{code}, company contact C{code} of that salesperson, cycle {code} with {@code stages}, the §9 close
     * codes, and — for the worked example's activity codes ({code}PRES, {code}PROP) — its two activities: two steps
     * (PHONE_CALL 2D, MEETING 1W HIGH) and none.
     */
    private void setUp(String code, String stages) {
        ensureSalesperson("SP" + code, "Seller " + code, null);
        ensureContact("C" + code, "Company " + code, "SP" + code);
        ensureActivity(code + "PRES", "Presentation", """
                [{"step": 1, "type": "PHONE_CALL", "description": "Call the buyer", "dateFormula": "2D"},
                 {"step": 2, "type": "MEETING", "description": "Meet the decision makers", "priority": "HIGH",
                  "dateFormula": "1W"}]""");
        ensureActivity(code + "PROP", "Send the proposal", "[]");
        Response cycle = http("POST", CYCLES, "{\"code\": \"%s\", \"probabilityCalculation\": \"MULTIPLY\", \"stages\": %s}"
                .formatted(code, stages));
        assertEquals(cycle.body(), 201, cycle.status());
        ensure(CLOSE_CODES, "{\"code\": \"WIN1\", \"type\": \"WON\"}");
        ensure(CLOSE_CODES, "{\"code\": \"PRICE\", \"type\": \"LOST\"}");
    }

    /** A participant called after the tasks module's (lower ranking) that refuses a move to {@link #REFUSED_VALUE}. */
    private ServiceRegistration<MoveParticipant> refusingParticipant() {
        MoveParticipant refuser = move -> {
            if (move.entry().estimatedValue().compareTo(new BigDecimal(REFUSED_VALUE)) == 0) {
                throw new ConflictException("the itest participant refuses " + REFUSED_VALUE);
            }
        };
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(MoveParticipant.NAME_PROPERTY, "zz-itest-refuser");
        properties.put(Constants.SERVICE_RANKING, -1000);
        return bundleContext.registerService(MoveParticipant.class, refuser, properties);
    }

    /** The opportunity's tasks in the API's default order (date, no), with more filters ({@code &status=OPEN}). */
    private JsonNode tasksOf(String no, String filters) {
        return list(OPPORTUNITIES + "/" + no + "/tasks?limit=500" + filters).path("items");
    }

    private JsonNode tasksOf(String no) {
        return tasksOf(no, "");
    }

    private JsonNode lastEntry(String no) {
        JsonNode entries = list(OPPORTUNITIES + "/" + no + "/entries?limit=500").path("items");
        return entries.get(entries.size() - 1);
    }

    private JsonNode tasksBySalesperson(String query) {
        Response report = http("GET", REPORTS + "/tasks-by-salesperson" + query, null);
        assertEquals(report.body(), 200, report.status());
        return report.json();
    }

    /** The report's row of {@code salesperson} has these counts. */
    private static void assertCounts(JsonNode report, String salesperson, int open, int overdue, int completed) {
        for (JsonNode row : report.path("rows")) {
            if (salesperson.equals(row.path("salespersonCode").asText())) {
                assertEquals(report.toString(), open, row.path("open").asInt());
                assertEquals(report.toString(), overdue, row.path("overdue").asInt());
                assertEquals(report.toString(), completed, row.path("completed").asInt());
                return;
            }
        }
        throw new AssertionError("no row of " + salesperson + ": " + report);
    }

    private static void assertTask(JsonNode task, String type, String description, String date, String priority,
                                   String status) {
        String shown = task.toString();
        assertEquals(shown, type, task.path("type").asText());
        assertEquals(shown, description, task.path("description").asText());
        assertEquals(shown, date, task.path("date").asText());
        assertEquals(shown, priority, task.path("priority").asText());
        assertEquals(shown, status, task.path("status").asText());
    }

    private static void assertFromTheOpportunity(JsonNode task, String no, String salesperson, String contact) {
        assertEquals(task.toString(), no, task.path("opportunityNo").asText());
        assertEquals(task.toString(), salesperson, task.path("salespersonCode").asText());
        assertEquals(task.toString(), contact, task.path("contactNo").asText());
    }

    /** A 400 whose errors name the field of a step: {@code steps[0].type} or the like. */
    private static void assertStepFieldRefused(Response response, String field) {
        JsonNode problem = assertProblem(response, 400);
        assertTrue("a step's " + field + " is named: " + problem, errorFields(problem).stream()
                .anyMatch(name -> name.startsWith("steps[") && name.endsWith("]." + field)));
    }

    private static JsonNode only(JsonNode items) {
        assertEquals(items.toString(), 1, items.size());
        return items.get(0);
    }

    private static Map<String, JsonNode> byNo(JsonNode items) {
        Map<String, JsonNode> tasks = new HashMap<>();
        items.forEach(task -> tasks.put(task.path("no").asText(), task));
        return tasks;
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(item.path(field).asText()));
        return texts;
    }
}
