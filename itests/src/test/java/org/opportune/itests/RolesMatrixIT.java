package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;

/**
 * DOMAIN §12's role policy over real HTTP: every resource and method, each called as one user per role, against a
 * table of expected answers (2xx, 403 or 404). A failure lists every mismatch at once.
 * <p>
 * Users: {@code admin} (the shipped one, opportune-admin through the admin group), {@code manager}
 * (sales-manager), {@code anna} (salesperson, the login of salesperson RMA), {@code viewer} (sales-viewer) and
 * {@code nobody} (only Karaf's own {@code viewer}, no role of Opportune).
 */
public class RolesMatrixIT extends UsersTestSupport {
    /** The columns of the table, in order. */
    private static final List<String> USERS = List.of(ADMIN, "manager", "anna", "viewer", "nobody");
    private static final List<String> OPPORTUNE_ROLES = List.of(OPPORTUNE_ADMIN, SALES_MANAGER, SALESPERSON,
            SALES_VIEWER);

    private static final String ALL_READ = "2 2 2 2 403";
    private static final String ADMIN_ONLY = "2 403 403 403 403";
    private static final String SELLERS = "2 2 2 403 403";
    private static final String MANAGERS = "2 2 403 403 403";
    private static final String NOT_ANNAS = "2 2 404 2 403";
    private static final String NOT_ANNAS_WRITE = "2 2 404 403 403";

    private final List<String> mismatches = new ArrayList<>();
    private final Map<String, String> shared = new HashMap<>();
    private final Map<String, Map<String, String>> perUser = new HashMap<>();
    private int checks;

    @Override
    protected Map<String, String> users() {
        Map<String, String> users = new LinkedHashMap<>();
        users.put("manager", SALES_MANAGER);
        users.put("anna", SALESPERSON);
        users.put("viewer", SALES_VIEWER);
        users.put("nobody", "viewer");
        return users;
    }

    @Test
    public void everyResourceAnswersEachRoleAsThePolicySays() {
        setUpRecords();

        // ---- reads: every role of Opportune; nobody else
        expect(ALL_READ, "GET", SALESPEOPLE);
        expect(ALL_READ, "HEAD", SALESPEOPLE);
        expect(ALL_READ, "GET", SALESPEOPLE + "/RMA");
        expect(ALL_READ, "GET", SALESPEOPLE + "/RMA/statistics");
        expect(ALL_READ, "GET", SALESPEOPLE + "/RMB/statistics");
        expect(ALL_READ, "GET", CONTACTS);
        expect(ALL_READ, "GET", CONTACTS + "/CRMA");
        expect(ALL_READ, "GET", CONTACTS + "/CRMB");
        expect(ALL_READ, "GET", CONTACTS + "/CRMB/statistics");
        expect(ALL_READ, "GET", CYCLES);
        expect(ALL_READ, "GET", CYCLES + "/RM");
        expect(ALL_READ, "GET", CYCLES + "/RM/stages");
        expect(ALL_READ, "GET", CYCLES + "/RM/stages/1");
        expect(ALL_READ, "GET", CYCLES + "/RM/statistics");
        expect(ALL_READ, "GET", CLOSE_CODES);
        expect(ALL_READ, "GET", CLOSE_CODES + "/WIN1");
        expect(ALL_READ, "GET", OPPORTUNITIES);
        expect(ALL_READ, "GET", OPPORTUNITIES + "?salespersonCode=RMB");
        expect(ALL_READ, "GET", OPPORTUNITIES + "/{OA}");
        expect(ALL_READ, "GET", OPPORTUNITIES + "/{OA}/entries");
        expect(ALL_READ, "GET", OPPORTUNITIES + "/{OA}/statistics");
        expect(ALL_READ, "GET", OPPORTUNITIES + "/{OA}/updates/options");
        expect(NOT_ANNAS, "GET", OPPORTUNITIES + "/{OB}");
        expect(NOT_ANNAS, "HEAD", OPPORTUNITIES + "/{OB}");
        expect(NOT_ANNAS, "GET", OPPORTUNITIES + "/{OB}/entries");
        expect(NOT_ANNAS, "GET", OPPORTUNITIES + "/{OB}/statistics");
        expect(NOT_ANNAS, "GET", OPPORTUNITIES + "/{OB}/updates/options");
        expect(ALL_READ, "GET", REPORTS);
        expect(ALL_READ, "GET", REPORTS + "/opportunity-list");
        expect(ALL_READ, "GET", REPORTS + "/opportunity-list", null, "Accept", "text/csv");
        expect(ALL_READ, "GET", REPORTS + "/salesperson-opportunities");
        expect(ALL_READ, "GET", REPORTS + "/sales-cycle-analysis?salesCycleCode=RM");
        expect(ALL_READ, "GET", REPORTS + "/sales-cycle-analysis?salesCycleCode=RM", null, "Accept", "text/csv");
        expect(ALL_READ, "GET", REPORTS + "/opportunity-details?opportunityNo={OA}");
        expect(NOT_ANNAS, "GET", REPORTS + "/opportunity-details?opportunityNo={OB}");
        expect(ALL_READ, "GET", REPORTS + "/pipeline?salesCycleCode=RM");
        expect(ALL_READ, "GET", REPORTS + "/pipeline?salesCycleCode=RM", null, "Accept", "image/svg+xml");
        expect(ALL_READ, "GET", REPORTS + "/forecast", null, "Accept", "image/svg+xml");
        expect(ALL_READ, "GET", REPORTS + "/opportunities-by-salesperson?status=IN_PROGRESS", null,
                "Accept", "image/svg+xml");
        expect(ALL_READ, "GET", REPORTS + "/top-open-opportunities");
        expect(ALL_READ, "GET", REPORTS + "/win-loss");
        expect(ALL_READ, "GET", REPORTS + "/stage-conversion?salesCycleCode=RM");
        expect(ALL_READ, "GET", "/api/v1/extensions");
        expect(ALL_READ, "GET", "/api/v1/openapi.json");
        expect(ALL_READ, "GET", "/api/v1/openapi.yaml");
        expect(ALL_READ, "GET", ME);
        expect(ALL_READ, "GET", ACTIVITIES);
        expect(ALL_READ, "GET", ACTIVITIES + "/RMACT");
        expect(ALL_READ, "GET", TASKS);
        expect(ALL_READ, "GET", TASKS + "?salespersonCode=RMB&status=OPEN");
        expect(ALL_READ, "GET", TASKS + "/{TA}");
        expect(NOT_ANNAS, "GET", TASKS + "/{TB}");
        expect(ALL_READ, "GET", OPPORTUNITIES + "/{OA}/tasks");
        expect(NOT_ANNAS, "GET", OPPORTUNITIES + "/{OB}/tasks");
        expect(ALL_READ, "GET", OPPORTUNITIES + "?stale=true");
        expect(ALL_READ, "GET", REPORTS + "/tasks-by-salesperson");
        expect(ALL_READ, "GET", REPORTS + "/tasks-by-salesperson", null, "Accept", "text/csv");
        expect(ALL_READ, "GET", REPORTS + "/stale-opportunities");
        expect(ALL_READ, "GET", REPORTS + "/stale-opportunities", null, "Accept", "text/csv");
        expect(ADMIN_ONLY, "GET", AUDIT);
        expect(ADMIN_ONLY, "GET", AUDIT + "?entity=contact&key=CRMA");
        expect("2 2 2 2 2", "GET", "/api/v1/health");

        // ---- setup writes: opportune-admin only
        expect(ADMIN_ONLY, "POST", SALESPEOPLE, "{\"code\": \"RMN{i}\", \"name\": \"New seller {i}\"}");
        expect(ADMIN_ONLY, "PUT", SALESPEOPLE + "/RMB",
                "{\"code\": \"RMB\", \"name\": \"Seller B\", \"phone\": \"+44 {i}\", \"blocked\": false}");
        expect(ADMIN_ONLY, "PATCH", SALESPEOPLE + "/RMB", "{\"jobTitle\": \"Seller {i}\"}");
        expect(ADMIN_ONLY, "DELETE", SALESPEOPLE + "/RMD{i}");
        expect(ADMIN_ONLY, "POST", CYCLES, "{\"code\": \"RMN{i}\", \"description\": \"New cycle {i}\"}");
        expect(ADMIN_ONLY, "PATCH", CYCLES + "/RMS{i}", "{\"description\": \"Patched {i}\"}");
        expect(ADMIN_ONLY, "POST", CYCLES + "/RMS{i}/stages", """
                {"stage": 2, "description": "Two", "completedPercent": 50, "chancesOfSuccessPercent": 50}""");
        expect(ADMIN_ONLY, "PATCH", CYCLES + "/RMS{i}/stages/1", "{\"description\": \"One of {i}\"}");
        expect(ADMIN_ONLY, "DELETE", CYCLES + "/RMS{i}/stages/2");
        expect(ADMIN_ONLY, "DELETE", CYCLES + "/RMS{i}");
        expect(ADMIN_ONLY, "POST", CLOSE_CODES, "{\"code\": \"RMN{i}\", \"type\": \"LOST\"}");
        expect(ADMIN_ONLY, "PUT", CLOSE_CODES + "/RMD{i}",
                "{\"code\": \"RMD{i}\", \"type\": \"LOST\", \"description\": \"Replaced\"}");
        expect(ADMIN_ONLY, "PATCH", CLOSE_CODES + "/RMD{i}", "{\"description\": \"Patched\"}");
        expect(ADMIN_ONLY, "DELETE", CLOSE_CODES + "/RMD{i}");

        expect(ADMIN_ONLY, "POST", ACTIVITIES, "{\"code\": \"RMN{i}\", \"description\": \"New activity {i}\"}");
        expect(ADMIN_ONLY, "PUT", ACTIVITIES + "/RMACT", """
                {"code": "RMACT", "description": "Replaced {i}", "steps": [{"step": 1, "type": "TODO",
                 "description": "Do {i}"}]}""");
        expect(ADMIN_ONLY, "PATCH", ACTIVITIES + "/RMACT", "{\"description\": \"Patched {i}\"}");
        expect(ADMIN_ONLY, "POST", ACTIVITIES + "/RMACT/steps", "{\"type\": \"MEETING\", \"description\": \"Meet {i}\"}");
        expect(ADMIN_ONLY, "DELETE", ACTIVITIES + "/RMAS{i}/steps/1");
        expect(ADMIN_ONLY, "DELETE", ACTIVITIES + "/RMAD{i}");

        // ---- tasks: sellers change their own salesperson's, the service scopes a salesperson
        expect(SELLERS, "POST", TASKS,
                "{\"type\": \"TODO\", \"description\": \"Task {i}\", \"date\": \"2030-01-0{i}\", \"opportunityNo\": \"{OA}\"}");
        expect(MANAGERS, "POST", TASKS,
                "{\"type\": \"TODO\", \"description\": \"For B {i}\", \"date\": \"2030-01-01\", \"salespersonCode\": \"RMB\"}");
        expect(SELLERS, "PATCH", TASKS + "/{TA}", "{\"description\": \"Task A of {i}\"}");
        expect(SELLERS, "PUT", TASKS + "/{TA}", """
                {"type": "TODO", "description": "Task A", "date": "2030-02-0{i}", "priority": "NORMAL",
                 "salespersonCode": "RMA"}""");
        expect(NOT_ANNAS_WRITE, "PATCH", TASKS + "/{TB}", "{\"description\": \"Task B of {i}\"}");
        expect(SELLERS, "POST", TASKS + "/{completeA}/complete", "{}");
        expect(SELLERS, "POST", TASKS + "/{cancelA}/cancel");
        expect(NOT_ANNAS_WRITE, "POST", TASKS + "/{completeB}/complete", "{}");
        expect(NOT_ANNAS_WRITE, "POST", TASKS + "/{cancelB}/cancel");

        // ---- contacts: shared; a salesperson changes its own salesperson's, only managers delete
        expect(SELLERS, "POST", CONTACTS, "{\"type\": \"PERSON\", \"name\": \"New person {i}\"}");
        expect(SELLERS, "PATCH", CONTACTS + "/CRMA", "{\"phone\": \"+44 {i}\"}");
        expect(SELLERS, "PUT", CONTACTS + "/CRMA",
                "{\"no\": \"CRMA\", \"type\": \"COMPANY\", \"name\": \"Company A\", \"salespersonCode\": \"RMA\"}");
        expect(MANAGERS, "PATCH", CONTACTS + "/CRMB", "{\"phone\": \"+44 {i}\"}");
        expect(MANAGERS, "DELETE", CONTACTS + "/CRD{i}");

        // ---- opportunities: sellers change their own, only managers delete
        expect(SELLERS, "POST", OPPORTUNITIES,
                "{\"description\": \"New deal {i}\", \"contactNo\": \"CRMA\", \"salesCycleCode\": \"RM\"}");
        expect(SELLERS, "PATCH", OPPORTUNITIES + "/{OA}", "{\"description\": \"Deal A of {i}\"}");
        expect(SELLERS, "PUT", OPPORTUNITIES + "/{OA}", """
                {"description": "Deal A", "contactNo": "CRMA", "salespersonCode": "RMA", "salesCycleCode": "RM",
                 "priority": "NORMAL"}""");
        expect(NOT_ANNAS_WRITE, "PATCH", OPPORTUNITIES + "/{OB}", "{\"description\": \"Deal B of {i}\"}");
        expect(NOT_ANNAS_WRITE, "POST", OPPORTUNITIES + "/{OB}/updates",
                "{\"action\": \"UPDATE\", \"estimatedValue\": 500{i}}");
        expect(SELLERS, "POST", OPPORTUNITIES + "/{inactive}/activate", "{}");
        expect(SELLERS, "POST", OPPORTUNITIES + "/{active}/updates", "{\"action\": \"NEXT\"}");
        expect(SELLERS, "PUT", OPPORTUNITIES + "/{active}/sales-quote", "{\"no\": \"SQA{i}\", \"amount\": 100}");
        expect(SELLERS, "DELETE", OPPORTUNITIES + "/{active}/sales-quote");
        expect(SELLERS, "POST", OPPORTUNITIES + "/{active}/close", "{\"outcome\": \"LOST\", \"closeCode\": \"PRICE\"}");
        expect(NOT_ANNAS_WRITE, "PUT", OPPORTUNITIES + "/{ofB}/sales-quote", "{\"no\": \"SQB{i}\", \"amount\": 10}");
        expect(NOT_ANNAS_WRITE, "DELETE", OPPORTUNITIES + "/{ofB}/sales-quote");
        expect(NOT_ANNAS_WRITE, "POST", OPPORTUNITIES + "/{ofB}/close",
                "{\"outcome\": \"LOST\", \"closeCode\": \"PRICE\"}");
        expect(MANAGERS, "DELETE", OPPORTUNITIES + "/{deleteA}");
        expect(NOT_ANNAS_WRITE, "DELETE", OPPORTUNITIES + "/{deleteB}");

        assertTrue(mismatches.size() + " of " + checks + " answers differ from the role policy:\n  "
                + String.join("\n  ", mismatches), mismatches.isEmpty());
    }

    @Test
    public void meTellsWhoTheCallerIs() {
        ensureSalesperson("RMA", "Seller A", "anna");

        JsonNode anna = me("anna");
        assertEquals(anna.toString(), "anna", anna.path("userName").asText());
        assertEquals(anna.toString(), List.of(SALESPERSON), texts(anna.path("roles")));
        assertEquals(anna.toString(), "RMA", anna.path("salespersonCode").asText());

        JsonNode admin = me(ADMIN);
        assertEquals(admin.toString(), ADMIN, admin.path("userName").asText());
        assertEquals("only Opportune's roles, not Karaf's: " + admin, List.of(OPPORTUNE_ADMIN),
                texts(admin.path("roles")));
        assertTrue(admin.toString(), admin.path("salespersonCode").isNull());

        assertEquals(List.of(SALES_MANAGER), texts(me("manager").path("roles")));
        assertEquals(List.of(SALES_VIEWER), texts(me("viewer").path("roles")));
        assertForbidden(as("nobody", "GET", ME, null));
    }

    // ---------------------------------------------------------------- the table

    /**
     * One row of the table: the request as each user, compared with {@code expected} (one code per user of
     * {@link #USERS}: {@code 2} = any 2xx, else the exact status). Placeholders in path and body: {@code {i}} the
     * user's column (1..5), {@code {OA}}/{@code {OB}} the shared opportunities of RMA and RMB, {@code {TA}}/{@code {TB}}
     * their shared open tasks, and per user {@code {active}}, {@code {inactive}}, {@code {deleteA}}, {@code {completeA}},
     * {@code {cancelA}} (of RMA), {@code {ofB}}, {@code {deleteB}}, {@code {completeB}}, {@code {cancelB}} (of RMB).
     */
    private void expect(String expected, String method, String path, String body, String... headers) {
        String[] codes = expected.split(" ");
        assertEquals("a code per user: " + expected, USERS.size(), codes.length);
        for (int i = 0; i < USERS.size(); i++) {
            String user = USERS.get(i);
            String resolvedPath = resolve(path, user);
            Response response = as(user, method, resolvedPath, body == null ? null : resolve(body, user), headers);
            checks++;
            String actual = response.status() / 100 == 2 ? "2" : Integer.toString(response.status());
            String request = method + " " + resolvedPath + (headers.length > 0 ? " " + String.join(": ", headers) : "")
                    + " as " + user;
            if (!actual.equals(codes[i])) {
                mismatches.add(request + ": expected " + (codes[i].equals("2") ? "2xx" : codes[i]) + ", got "
                        + response.status() + " " + abbreviated(response.body()));
            } else if (response.status() == 403 && !"HEAD".equals(method)) {
                forbiddenProblem(response).ifPresent(problem -> mismatches.add(request + ": " + problem));
            }
        }
    }

    private void expect(String expected, String method, String path) {
        expect(expected, method, path, null);
    }

    private String resolve(String template, String user) {
        String resolved = template.replace("{i}", Integer.toString(USERS.indexOf(user) + 1));
        for (Map.Entry<String, String> value : shared.entrySet()) {
            resolved = resolved.replace("{" + value.getKey() + "}", value.getValue());
        }
        for (Map.Entry<String, String> value : perUser.get(user).entrySet()) {
            resolved = resolved.replace("{" + value.getKey() + "}", value.getValue());
        }
        return resolved;
    }

    /** What is wrong with a 403's body, if anything: it must be problem+json naming the role(s) needed. */
    private static java.util.Optional<String> forbiddenProblem(Response response) {
        String contentType = response.header("Content-Type");
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return java.util.Optional.of("403 without problem+json (" + contentType + "): " + abbreviated(response.body()));
        }
        if (OPPORTUNE_ROLES.stream().noneMatch(role -> response.body().contains(role))) {
            return java.util.Optional.of("403 naming no role: " + abbreviated(response.body()));
        }
        return java.util.Optional.empty();
    }

    private static void assertForbidden(Response response) {
        assertEquals(response.body(), 403, response.status());
        forbiddenProblem(response).ifPresent(problem -> {
            throw new AssertionError(problem);
        });
    }

    private static String abbreviated(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }

    // ---------------------------------------------------------------- records

    /**
     * Salespeople RMA (anna's) and RMB with a contact each, cycle RM, opportunities OA and OB with a task each, activity
     * RMACT, and per user the records its writes use up: salesperson, close code and contact RMD/CRD{i}, cycle RMS{i},
     * activities RMAD{i} and RMAS{i} (with a step), opportunities and tasks.
     */
    private void setUpRecords() {
        ensureSalesperson("RMA", "Seller A", "anna");
        ensureSalesperson("RMB", "Seller B", null);
        ensureContact("CRMA", "Company A", "RMA");
        ensureContact("CRMB", "Company B", "RMB");
        ensureCycle("RM");
        shared.put("OA", createOpportunity("Deal A", "CRMA", "RM", "1000", true));
        shared.put("OB", createOpportunity("Deal B", "CRMB", "RM", "2000", true));
        ensureActivity("RMACT", "Roles", "[{\"step\": 1, \"type\": \"TODO\", \"description\": \"Do\"}]");
        shared.put("TA", task(shared.get("OA"), "Task A"));
        shared.put("TB", task(shared.get("OB"), "Task B"));
        for (int i = 1; i <= USERS.size(); i++) {
            ensureSalesperson("RMD" + i, "To delete " + i, null);
            ensure(CLOSE_CODES, "{\"code\": \"RMD" + i + "\", \"type\": \"WON\"}");
            ensureContact("CRD" + i, "To delete " + i, "RMA");
            ensure(CYCLES, """
                    {"code": "RMS%d", "stages": [{"stage": 1, "description": "One", "completedPercent": 10,
                     "chancesOfSuccessPercent": 20}]}""".formatted(i));
            Map<String, String> records = new HashMap<>();
            records.put("active", createOpportunity("Active " + i, "CRMA", "RM", "3000", true));
            records.put("inactive", createOpportunity("Inactive " + i, "CRMA", "RM", null, false));
            records.put("deleteA", closedOpportunity("Delete A " + i, "CRMA"));
            records.put("ofB", createOpportunity("Of B " + i, "CRMB", "RM", "4000", true));
            records.put("deleteB", closedOpportunity("Delete B " + i, "CRMB"));
            records.put("completeA", task(shared.get("OA"), "Complete A " + i));
            records.put("cancelA", task(shared.get("OA"), "Cancel A " + i));
            records.put("completeB", task(shared.get("OB"), "Complete B " + i));
            records.put("cancelB", task(shared.get("OB"), "Cancel B " + i));
            ensureActivity("RMAD" + i, "To delete " + i, "[]");
            ensureActivity("RMAS" + i, "Step to delete " + i, "[{\"step\": 1, \"type\": \"TODO\", \"description\": \"Go\"}]");
            perUser.put(USERS.get(i - 1), records);
        }
    }

    /** An open task for the opportunity, made by admin; returns its number. */
    private String task(String opportunityNo, String description) {
        return createTask(ADMIN, "{\"type\": \"TODO\", \"description\": \"%s\", \"date\": \"2030-01-01\", \"opportunityNo\": \"%s\"}"
                .formatted(description, opportunityNo)).path("no").asText();
    }

    /** Only a closed opportunity may be deleted (an open one is a 409). */
    private String closedOpportunity(String description, String contactNo) {
        String no = createOpportunity(description, contactNo, "RM", "100", true);
        Response closed = http("POST", OPPORTUNITIES + "/" + no + "/close",
                "{\"outcome\": \"LOST\", \"closeCode\": \"PRICE\"}");
        assertEquals(closed.body(), 200, closed.status());
        return no;
    }

    private JsonNode me(String user) {
        Response me = as(user, "GET", ME, null);
        assertEquals(user + ": " + me.body(), 200, me.status());
        return me.json();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
