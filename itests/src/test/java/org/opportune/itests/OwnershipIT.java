package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;

/**
 * Ownership (DOMAIN §12) over real HTTP: two salespeople, OWNA acted by login {@code anna} and OWNB by {@code ben},
 * each with deals. Anna sees her own deals only, on every path: by number, in lists and their totals, filters,
 * entries, statistics, every report as JSON, CSV and SVG, options and quotes; what she creates and changes is hers,
 * and the audit log tells who did what.
 * <p>
 * The methods share one Karaf and run in any order: each uses sales cycles and contacts of its own.
 */
public class OwnershipIT extends UsersTestSupport {
    private static final String ANNA = "anna";
    private static final String BEN = "ben";
    /** A salesperson user that no salesperson names. */
    private static final String LONELY = "lonely";
    private static final String BEN_MARK = "Ben deal";

    @Override
    protected Map<String, String> users() {
        Map<String, String> users = new LinkedHashMap<>();
        users.put(ANNA, SALESPERSON);
        users.put(BEN, SALESPERSON);
        users.put(LONELY, SALESPERSON);
        return users;
    }

    private void ensureSalespeople() {
        ensureSalesperson("OWNA", "Anna Seller", ANNA);
        ensureSalesperson("OWNB", "Ben Seller", BEN);
    }

    @Test
    public void annaSeesNoneOfBensDealsOnAnyPath() {
        ensureSalespeople();
        ensureContact("KA1", "Anna's customer", "OWNA");
        ensureContact("KB1", "Ben's customer", "OWNB");
        ensureCycle("OW1");
        String a1 = createOpportunity("Anna deal 1", "KA1", "OW1", "1000", true);
        String a2 = createOpportunity("Anna deal 2", "KA1", "OW1", "2000", true);
        String b1 = createOpportunity(BEN_MARK + " 1", "KB1", "OW1", "50000", true);
        String b2 = createOpportunity(BEN_MARK + " 2", "KB1", "OW1", "70000", true);
        Response movedByAnna = move(ANNA, a1, "{\"action\": \"NEXT\"}");
        move(BEN, b1, "{\"action\": \"NEXT\"}");
        Response won = http("POST", OPPORTUNITIES + "/" + b2 + "/close", "{\"outcome\": \"WON\", \"closeCode\": \"WIN1\", \"value\": 65000}");
        assertEquals(won.body(), 200, won.status());
        List<String> bens = List.of(b1, b2);

        // by number, for every read and write: as if it did not exist
        for (String path : List.of("", "/entries", "/statistics", "/updates/options")) {
            assertProblem(as(ANNA, "GET", OPPORTUNITIES + "/" + b1 + path, null), 404);
        }
        assertProblem(as(ANNA, "PATCH", OPPORTUNITIES + "/" + b1, "{\"description\": \"mine now\"}"), 404);
        assertProblem(as(ANNA, "PUT", OPPORTUNITIES + "/" + b1, """
                {"description": "mine now", "contactNo": "KB1", "salespersonCode": "OWNA", "salesCycleCode": "OW1"}"""),
                404);
        assertProblem(as(ANNA, "POST", OPPORTUNITIES + "/" + b1 + "/updates", "{\"action\": \"NEXT\"}"), 404);
        assertProblem(as(ANNA, "POST", OPPORTUNITIES + "/" + b1 + "/activate", "{}"), 404);
        assertProblem(as(ANNA, "POST", OPPORTUNITIES + "/" + b1 + "/close",
                "{\"outcome\": \"LOST\", \"closeCode\": \"PRICE\"}"), 404);
        assertProblem(as(ANNA, "PUT", OPPORTUNITIES + "/" + b1 + "/sales-quote", "{\"no\": \"SQX\", \"amount\": 1}"),
                404);
        assertProblem(as(ANNA, "DELETE", OPPORTUNITIES + "/" + b1 + "/sales-quote", null), 404);
        JsonNode untouched = http("GET", OPPORTUNITIES + "/" + b1, null).json();
        assertEquals("nothing of anna's attempts was written: " + untouched, BEN, untouched.path("changedBy").asText());

        // lists, their totals and filters are computed over her own
        long annasTotal = adminTotal(OPPORTUNITIES + "?salespersonCode=OWNA");
        JsonNode all = annasList(OPPORTUNITIES + "?limit=500");
        assertEquals(all.toString(), annasTotal, all.path("total").asLong());
        assertEquals(all.toString(), annasTotal, all.path("items").size());
        values(all, "salespersonCode").forEach(code -> assertEquals(all.toString(), "OWNA", code));
        assertEquals("paging keeps the total", annasTotal, annasList(OPPORTUNITIES + "?limit=1").path("total").asLong());
        assertEquals(List.of(a1, a2), values(annasList(OPPORTUNITIES + "?salesCycleCode=OW1&sort=no"), "no"));
        for (String filter : List.of("salespersonCode=OWNB", "contactNo=KB1", "q=Ben", "status=WON",
                "salesCycleCode=OW1&currentStage=2&salespersonCode=OWNB")) {
            JsonNode filtered = annasList(OPPORTUNITIES + "?" + filter);
            assertEquals(filter + ": " + filtered, 0, filtered.path("total").asLong());
            assertEquals(filter + ": " + filtered, 0, filtered.path("items").size());
        }
        assertTrue("admin sees ben's", adminTotal(OPPORTUNITIES + "?salespersonCode=OWNB") >= 2);

        // entries: hers, the move by her
        JsonNode entries = annasList(OPPORTUNITIES + "/" + a1 + "/entries");
        assertEquals(entries.toString(), List.of(ADMIN, ANNA), values(entries, "changedBy"));
        assertEquals(movedByAnna.body(), ANNA, movedByAnna.json().path("changedBy").asText());

        // statistics
        JsonNode cycle = annasRead(CYCLES + "/OW1/statistics");
        assertEquals(cycle.toString(), 2, cycle.path("open").path("count").asInt());
        assertAmount("3000", cycle.path("open").path("estimatedValue"));
        assertEquals(cycle.toString(), 1, cycle.path("stages").get(0).path("figures").path("count").asInt());
        assertEquals(cycle.toString(), 1, cycle.path("stages").get(1).path("figures").path("count").asInt());
        assertEquals("admin: ben's open one too", 3,
                http("GET", CYCLES + "/OW1/statistics", null).json().path("open").path("count").asInt());
        assertEquals(0, annasRead(SALESPEOPLE + "/OWNB/statistics").path("figures").path("count").asInt());
        assertTrue(http("GET", SALESPEOPLE + "/OWNB/statistics", null).json().path("figures").path("count").asInt() >= 2);
        assertEquals(http("GET", SALESPEOPLE + "/OWNA/statistics", null).json().path("figures"),
                annasRead(SALESPEOPLE + "/OWNA/statistics").path("figures"));
        assertEquals(0, annasRead(CONTACTS + "/KB1/statistics").path("figures").path("count").asInt());
        assertEquals(2, http("GET", CONTACTS + "/KB1/statistics", null).json().path("figures").path("count").asInt());
        assertEquals(2, annasRead(CONTACTS + "/KA1/statistics").path("figures").path("count").asInt());
        assertEquals(200, annasResponse(OPPORTUNITIES + "/" + a1 + "/statistics").status());

        // reports: her rows only, in every format
        assertReportsShowNoneOf(bens);
        JsonNode list = annasRead(REPORTS + "/opportunity-list?salesCycleCode=OW1");
        assertEquals(list.toString(), 2, list.path("rows").size());
        Response csv = as(ANNA, "GET", REPORTS + "/opportunity-list?salesCycleCode=OW1", null, "Accept", "text/csv");
        assertEquals("a header and her two deals: " + csv.body(), 3, csv.body().split("\r\n").length);
        assertEquals(List.of("2", "1", "0", "0"), column(annasRead(REPORTS + "/pipeline?salesCycleCode=OW1"),
                "entries"));
        assertEquals(List.of("4", "2", "0", "0"), column(http("GET", REPORTS + "/pipeline?salesCycleCode=OW1", null)
                .json(), "entries"));
        Response funnel = as(ANNA, "GET", REPORTS + "/pipeline?salesCycleCode=OW1", null, "Accept", "image/svg+xml");
        assertTrue(funnel.body(), funnel.body().contains("Initial: 2") && !funnel.body().contains("Initial: 4"));
        assertEquals(List.of("2", "1", "0", "0"), column(annasRead(REPORTS + "/stage-conversion?salesCycleCode=OW1"),
                "reached"));
        assertEquals(2, annasRead(REPORTS + "/sales-cycle-analysis?salesCycleCode=OW1").path("totals").path("count")
                .asInt());
        assertEquals(0, annasRead(REPORTS + "/win-loss?salesCycleCode=OW1").path("totals").path("won").asInt());
        assertEquals(1, http("GET", REPORTS + "/win-loss?salesCycleCode=OW1", null).json().path("totals").path("won")
                .asInt());
        assertProblem(as(ANNA, "GET", REPORTS + "/opportunity-details?opportunityNo=" + b1, null), 404);
        assertEquals(2, annasRead(REPORTS + "/opportunity-details?opportunityNo=" + a1).path("rows").size());

        // ben, the other way round
        assertProblem(as(BEN, "GET", OPPORTUNITIES + "/" + a1, null), 404);
        JsonNode bensList = as(BEN, "GET", OPPORTUNITIES + "?limit=500", null).json();
        assertFalse(bensList.toString(), values(bensList, "no").contains(a1) || values(bensList, "no").contains(a2));

        // last, so that the checks above run whatever this says: deleting is for managers, but what anna may not
        // see is not there for her, so it is a 404 as for every other path (a 403 would tell her it exists)
        assertProblem(as(ANNA, "DELETE", OPPORTUNITIES + "/" + b1, null), 404);
    }

    @Test
    public void whatAnnaCreatesAndChangesIsHersAndTheAuditLogSaysSo() {
        ensureSalespeople();
        ensureContact("KB2", "Ben's other customer", "OWNB");
        ensureCycle("OW2");

        // a new opportunity is hers, even for ben's contact; naming or giving it to ben is refused
        Response created = as(ANNA, "POST", OPPORTUNITIES,
                "{\"description\": \"Anna's new deal\", \"contactNo\": \"KB2\", \"salesCycleCode\": \"OW2\"}");
        assertEquals(created.body(), 201, created.status());
        assertEquals("her own, not the contact's", "OWNA", created.json().path("salespersonCode").asText());
        assertEquals(ANNA, created.json().path("changedBy").asText());
        String no = created.json().path("no").asText();
        assertProblem(as(ANNA, "POST", OPPORTUNITIES, """
                {"description": "For ben", "contactNo": "KB2", "salesCycleCode": "OW2", "salespersonCode": "OWNB"}"""),
                403);
        assertProblem(as(ANNA, "PATCH", OPPORTUNITIES + "/" + no, "{\"salespersonCode\": \"OWNB\"}"), 403);
        assertEquals("OWNA", http("GET", OPPORTUNITIES + "/" + no, null).json().path("salespersonCode").asText());

        // her moves are hers; deleting is for managers
        assertEquals(200, as(ANNA, "POST", OPPORTUNITIES + "/" + no + "/activate", "{}").status());
        Response next = move(ANNA, no, "{\"action\": \"NEXT\", \"estimatedValue\": 1500}");
        assertEquals(ANNA, next.json().path("changedBy").asText());
        JsonNode entries = annasList(OPPORTUNITIES + "/" + no + "/entries");
        assertEquals(entries.toString(), List.of(ANNA, ANNA), values(entries, "changedBy"));
        Response closed = as(ANNA, "POST", OPPORTUNITIES + "/" + no + "/close",
                "{\"outcome\": \"LOST\", \"closeCode\": \"PRICE\"}");
        assertEquals(closed.body(), 200, closed.status());
        assertProblem(as(ANNA, "DELETE", OPPORTUNITIES + "/" + no, null), 403);
        assertProblem(as(BEN, "GET", OPPORTUNITIES + "/" + no, null), 404);

        // contacts: she creates hers and changes hers; not ben's, and deletes none
        Response lead = as(ANNA, "POST", CONTACTS, "{\"type\": \"PERSON\", \"name\": \"Anna's lead\"}");
        assertEquals(lead.body(), 201, lead.status());
        assertEquals("OWNA", lead.json().path("salespersonCode").asText());
        assertEquals(ANNA, lead.json().path("changedBy").asText());
        String leadNo = lead.json().path("no").asText();
        assertProblem(as(ANNA, "POST", CONTACTS,
                "{\"type\": \"PERSON\", \"name\": \"Ben's lead\", \"salespersonCode\": \"OWNB\"}"), 403);
        Response patched = as(ANNA, "PATCH", CONTACTS + "/" + leadNo, "{\"phone\": \"+44 20 7946 0000\"}");
        assertEquals(patched.body(), 200, patched.status());
        assertProblem(as(ANNA, "PATCH", CONTACTS + "/KB2", "{\"phone\": \"+44 20 7946 0001\"}"), 403);
        assertProblem(as(ANNA, "DELETE", CONTACTS + "/" + leadNo, null), 403);

        // the audit log: admin reads who did what; the salespeople may not
        JsonNode annas = audit("?user=anna&limit=500");
        assertTrue(annas.toString(), annas.path("total").asLong() >= 2);
        values(annas, "userName").forEach(user -> assertEquals(annas.toString(), ANNA, user));
        assertTrue(annas.toString(), hasLine(annas, "CREATE", "contact", leadNo, ANNA));
        assertTrue(annas.toString(), hasLine(annas, "UPDATE", "contact", leadNo, ANNA));
        JsonNode lines = audit("?entity=contact&key=" + leadNo);
        assertEquals(lines.toString(), 2, lines.path("total").asLong());
        assertEquals(lines.toString(), java.util.Set.of("UPDATE", "CREATE"),
                new java.util.HashSet<>(values(lines, "action")));
        lines.path("items").forEach(line -> assertTrue(lines.toString(), line.hasNonNull("at") && line.hasNonNull("id")));
        assertTrue("the change's summary has the new value: " + lines, lines.toString().contains("+44 20 7946 0000"));

        Response deleted = http("DELETE", OPPORTUNITIES + "/" + no, null);
        assertEquals(deleted.body(), 204, deleted.status());
        JsonNode deletion = audit("?entity=opportunity&key=" + no);
        assertTrue(deletion.toString(), hasLine(deletion, "DELETE", "opportunity", no, ADMIN));

        assertProblem(as(ANNA, "GET", AUDIT, null), 403);
        assertProblem(as(BEN, "GET", AUDIT + "?user=anna", null), 403);
    }

    @Test
    public void aSalespersonUserNoSalespersonNamesSeesNoDealAndCannotCreateOne() {
        ensureSalespeople();
        ensureContact("KA3", "Anna's third customer", "OWNA");
        ensureCycle("OW3");
        createOpportunity("Anna deal 3", "KA3", "OW3", "1000", true);

        Response list = as(LONELY, "GET", OPPORTUNITIES, null);
        assertEquals(list.body(), 200, list.status());
        assertEquals(list.body(), 0, list.json().path("total").asLong());
        JsonNode refused = assertProblem(as(LONELY, "POST", OPPORTUNITIES,
                "{\"description\": \"Nobody's\", \"contactNo\": \"KA3\", \"salesCycleCode\": \"OW3\"}"), 403);
        assertTrue("says how to link the user: " + refused, refused.toString().contains("userName"));
        JsonNode me = as(LONELY, "GET", ME, null).json();
        assertTrue(me.toString(), me.path("salespersonCode").isNull());
        assertEquals(200, as(LONELY, "GET", CONTACTS + "/KA3", null).status());
    }

    @Test
    public void annaSeesAndChangesNoneOfBensTasks() {
        ensureSalespeople();
        ensureContact("KA4", "Anna's task customer", "OWNA");
        ensureContact("KB4", "Ben's task customer", "OWNB");
        ensureActivity("OWTACT", "Ownership tasks",
                "[{\"step\": 1, \"type\": \"PHONE_CALL\", \"description\": \"Call\", \"dateFormula\": \"1D\"}]");
        ensure(CYCLES, """
                {"code": "OWT", "stages": [
                  {"stage": 1, "description": "Idle", "completedPercent": 10, "chancesOfSuccessPercent": 20,
                   "maxDaysIdle": 5},
                  {"stage": 2, "description": "Call", "completedPercent": 30, "chancesOfSuccessPercent": 40,
                   "activityCode": "OWTACT"}]}""");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String a4 = startedDaysAgo("Anna task deal", "KA4", 30);
        String b4 = startedDaysAgo(BEN_MARK + " with tasks", "KB4", 30);
        String staleA = startedDaysAgo("Anna stale deal", "KA4", 30);
        String staleB = startedDaysAgo(BEN_MARK + " stale", "KB4", 30);
        move(ANNA, a4, "{\"action\": \"NEXT\"}");
        move(BEN, b4, "{\"action\": \"NEXT\"}");
        JsonNode bensTask = createTask(ADMIN, """
                {"type": "TODO", "description": "Ben's call", "date": "%s", "salespersonCode": "OWNB",
                 "contactNo": "KB4"}""".formatted(today.minusDays(1)));
        String bensPath = TASKS + "/" + bensTask.path("no").asText();
        JsonNode annasOwn = createTask(ANNA, """
                {"type": "TODO", "description": "Anna's note", "date": "%s"}""".formatted(today.minusDays(1)));
        assertEquals("her own salesperson by default", "OWNA", annasOwn.path("salespersonCode").asText());
        assertEquals(ANNA, annasOwn.path("changedBy").asText());
        String annasPath = TASKS + "/" + annasOwn.path("no").asText();
        List<String> bensTasks = values(list(TASKS + "?salespersonCode=OWNB&limit=500"), "no");
        assertTrue(bensTasks.toString(), bensTasks.size() >= 2);

        // by number, for every read and write: as if it did not exist
        assertProblem(as(ANNA, "GET", bensPath, null), 404);
        assertProblem(as(ANNA, "PATCH", bensPath, "{\"description\": \"mine now\"}"), 404);
        assertProblem(as(ANNA, "PUT", bensPath, """
                {"type": "TODO", "description": "mine now", "date": "%s", "priority": "HIGH", "salespersonCode": "OWNA"}"""
                .formatted(today)), 404);
        assertProblem(as(ANNA, "POST", bensPath + "/complete", "{}"), 404);
        assertProblem(as(ANNA, "POST", bensPath + "/cancel", null), 404);
        assertProblem(as(ANNA, "GET", OPPORTUNITIES + "/" + b4 + "/tasks", null), 404);
        assertEquals("nothing of anna's attempts was written", bensTask, http("GET", bensPath, null).json());

        // lists, totals and filters over her own tasks only
        long annasTotal = list(TASKS + "?salespersonCode=OWNA&limit=1").path("total").asLong();
        JsonNode all = annasList(TASKS + "?limit=500");
        assertEquals(all.toString(), annasTotal, all.path("total").asLong());
        assertEquals(all.toString(), annasTotal, all.path("items").size());
        values(all, "salespersonCode").forEach(code -> assertEquals(all.toString(), "OWNA", code));
        assertEquals("paging keeps the total", annasTotal, annasList(TASKS + "?limit=1").path("total").asLong());
        for (String filter : List.of("salespersonCode=OWNB", "contactNo=KB4", "opportunityNo=" + b4,
                "opportunityNo=" + b4 + "&status=OPEN", "salespersonCode=OWNB&overdue=true")) {
            JsonNode filtered = annasList(TASKS + "?" + filter);
            assertEquals(filter + ": " + filtered, 0, filtered.path("total").asLong());
            assertEquals(filter + ": " + filtered, 0, filtered.path("items").size());
        }
        JsonNode overdue = annasList(TASKS + "?overdue=true&limit=500");
        assertTrue(overdue.toString(), values(overdue, "no").contains(annasOwn.path("no").asText()));
        values(overdue, "salespersonCode").forEach(code -> assertEquals(overdue.toString(), "OWNA", code));
        assertEquals(1, annasList(OPPORTUNITIES + "/" + a4 + "/tasks").path("total").asLong());
        for (String no : bensTasks) {
            assertFalse(all.toString(), values(all, "no").contains(no));
        }

        // what she makes and changes stays hers
        assertProblem(as(ANNA, "POST", TASKS, """
                {"type": "TODO", "description": "For ben", "date": "%s", "salespersonCode": "OWNB"}""".formatted(today)),
                403);
        assertProblem(as(ANNA, "POST", TASKS, """
                {"type": "TODO", "description": "On ben's deal", "date": "%s", "opportunityNo": "%s"}"""
                .formatted(today, b4)), 400, "opportunityNo");
        assertProblem(as(ANNA, "PATCH", annasPath, "{\"salespersonCode\": \"OWNB\"}"), 403);
        assertEquals("OWNA", http("GET", annasPath, null).json().path("salespersonCode").asText());
        assertEquals(bensTasks, values(list(TASKS + "?salespersonCode=OWNB&limit=500"), "no"));
        Response completed = as(ANNA, "POST", annasPath + "/complete", "{}");
        assertEquals(completed.body(), 200, completed.status());
        assertEquals(ANNA, completed.json().path("changedBy").asText());

        // reports and the stale list: her rows and counts only
        JsonNode counts = annasRead(REPORTS + "/tasks-by-salesperson");
        assertEquals(counts.toString(), List.of("OWNA"), column(counts, "salespersonCode"));
        JsonNode adminCounts = http("GET", REPORTS + "/tasks-by-salesperson?salespersonCode=OWNA", null).json();
        assertEquals(adminCounts.path("rows"), counts.path("rows"));
        JsonNode stale = annasRead(REPORTS + "/stale-opportunities");
        List<String> staleShown = column(stale, "no");
        assertTrue(stale.toString(), staleShown.contains(staleA) && !staleShown.contains(staleB));
        column(stale, "salespersonCode").forEach(code -> assertEquals(stale.toString(), "OWNA", code));
        assertTrue("admin sees ben's stale deal", column(http("GET", REPORTS + "/stale-opportunities", null).json(),
                "no").contains(staleB));
        JsonNode staleList = annasList(OPPORTUNITIES + "?stale=true&limit=500");
        assertTrue(staleList.toString(), values(staleList, "no").contains(staleA));
        assertEquals(list(OPPORTUNITIES + "?stale=true&salespersonCode=OWNA&limit=1").path("total").asLong(),
                staleList.path("total").asLong());
        for (String report : List.of("tasks-by-salesperson", "stale-opportunities")) {
            Response csv = as(ANNA, "GET", REPORTS + "/" + report, null, "Accept", "text/csv");
            assertEquals(csv.body(), 200, csv.status());
            assertFalse(report + " as CSV: " + csv.body(), csv.body().contains("OWNB") || csv.body().contains(staleB)
                    || csv.body().contains(BEN_MARK));
        }

        // ben, the other way round; a salesperson user no salesperson names has no task
        assertProblem(as(BEN, "GET", annasPath, null), 404);
        assertFalse(values(as(BEN, "GET", TASKS + "?limit=500", null).json(), "no")
                .contains(annasOwn.path("no").asText()));
        Response lonely = as(LONELY, "GET", TASKS, null);
        assertEquals(lonely.body(), 200, lonely.status());
        assertEquals(lonely.body(), 0, lonely.json().path("total").asLong());
        assertProblem(as(LONELY, "POST", TASKS, """
                {"type": "TODO", "description": "Nobody's", "date": "%s"}""".formatted(today)), 403);
    }

    /** An opportunity of cycle OWT made by admin, started {@code days} ago at stage 1 (at most 5 idle days). */
    private String startedDaysAgo(String description, String contactNo, int days) {
        Response created = http("POST", OPPORTUNITIES, """
                {"description": "%s", "contactNo": "%s", "salesCycleCode": "OWT",
                 "activate": {"dateOfChange": "%s", "estimatedValue": 1000, "chancesOfSuccessPercent": 30,
                              "estimatedCloseDate": "2099-12-31"}}"""
                .formatted(description, contactNo, LocalDate.now(ZoneOffset.UTC).minusDays(days)));
        assertEquals(created.body(), 201, created.status());
        return created.json().path("no").asText();
    }

    // ---------------------------------------------------------------- helpers

    /** Every report, as anna, as JSON and CSV (and SVG for the charts): none names ben's deals or salesperson. */
    private void assertReportsShowNoneOf(List<String> bens) {
        List<String> reports = List.of("opportunity-list", "salesperson-opportunities",
                "sales-cycle-analysis?salesCycleCode=OW1", "pipeline?salesCycleCode=OW1",
                "opportunities-by-salesperson?status=IN_PROGRESS", "opportunities-by-salesperson?status=WON",
                "top-open-opportunities?n=500", "forecast", "win-loss", "stage-conversion?salesCycleCode=OW1",
                "tasks-by-salesperson", "stale-opportunities");
        List<String> charts = List.of("pipeline", "opportunities-by-salesperson", "forecast");
        List<String> leaks = new ArrayList<>();
        for (String report : reports) {
            List<String> accepts = new ArrayList<>(List.of("application/json", "text/csv"));
            if (charts.contains(report.split("\\?")[0])) {
                accepts.add("image/svg+xml");
            }
            for (String accept : accepts) {
                Response answer = as(ANNA, "GET", REPORTS + "/" + report, null, "Accept", accept);
                List<String> shown = new ArrayList<>();
                for (String secret : concat(bens, List.of("OWNB", BEN_MARK))) {
                    if (answer.body().contains(secret)) {
                        shown.add(secret);
                    }
                }
                if (answer.status() != 200 || !shown.isEmpty()) {
                    leaks.add(report + " as " + accept + ": " + answer.status() + (shown.isEmpty() ? " " + answer.body()
                            : " shows " + shown));
                }
            }
        }
        assertTrue("reports as anna:\n  " + String.join("\n  ", leaks), leaks.isEmpty());
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private JsonNode annasList(String path) {
        JsonNode envelope = annasRead(path);
        assertTrue(envelope.toString(), envelope.path("items").isArray() && envelope.has("total"));
        return envelope;
    }

    private JsonNode annasRead(String path) {
        return annasResponse(path).json();
    }

    private Response annasResponse(String path) {
        Response response = as(ANNA, "GET", path, null);
        assertEquals("anna: GET " + path + ": " + response.body(), 200, response.status());
        return response;
    }

    private long adminTotal(String path) {
        return list(path).path("total").asLong();
    }

    private JsonNode audit(String query) {
        Response response = http("GET", AUDIT + query, null);
        assertEquals(AUDIT + query + ": " + response.body(), 200, response.status());
        JsonNode envelope = response.json();
        assertTrue(response.body(), envelope.path("items").isArray() && envelope.has("total"));
        return envelope;
    }

    private static boolean hasLine(JsonNode envelope, String action, String entity, String key, String user) {
        for (JsonNode line : envelope.path("items")) {
            if (action.equals(line.path("action").asText()) && entity.equals(line.path("entity").asText())
                    && key.equals(line.path("key").asText()) && user.equals(line.path("userName").asText())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> column(JsonNode report, String name) {
        List<String> values = new ArrayList<>();
        report.path("rows").forEach(row -> values.add(row.path(name).asText()));
        return values;
    }
}
