package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.ops4j.pax.exam.Option;

/**
 * What the tests of users, roles and ownership (DOMAIN §12) share: users of their own written into the
 * distribution's {@code etc/users.properties} before it starts (the realm reads that file at each login), requests
 * as one of them, and the records every such test sets up as admin.
 */
public abstract class UsersTestSupport extends RestApiTestSupport {
    protected static final String OPPORTUNE_ADMIN = "opportune-admin";
    protected static final String SALES_MANAGER = "sales-manager";
    protected static final String SALESPERSON = "salesperson";
    protected static final String SALES_VIEWER = "sales-viewer";

    protected static final String SALESPEOPLE = "/api/v1/salespeople";
    protected static final String CONTACTS = "/api/v1/contacts";
    protected static final String CYCLES = "/api/v1/sales-cycles";
    protected static final String CLOSE_CODES = "/api/v1/close-codes";
    protected static final String OPPORTUNITIES = "/api/v1/opportunities";
    protected static final String REPORTS = "/api/v1/reports";
    protected static final String AUDIT = "/api/v1/audit";
    protected static final String ME = "/api/v1/me";
    protected static final String ACTIVITIES = "/api/v1/activities";
    protected static final String TASKS = "/api/v1/tasks";

    /**
     * The users this class adds: user name → its roles and groups as users.properties lists them after the
     * password, e.g. {@code "salesperson,ssh"}. Called in the test JVM while the container is configured.
     */
    protected abstract Map<String, String> users();

    @Override
    protected Option[] additionalOptions() {
        return users().entrySet().stream()
                .map(user -> editConfigurationFilePut("etc/users.properties", user.getKey(),
                        password(user.getKey()) + "," + user.getValue()))
                .toArray(Option[]::new);
    }

    /** A test user's password: its own, not the shipped one that is accepted from this machine only. */
    protected static String password(String user) {
        return ADMIN.equals(user) ? ADMIN_PASSWORD : user + "-Secret-1";
    }

    /** A request as {@code user}; {@code headers} are name/value pairs, body may be null. */
    protected Response as(String user, String method, String path, String body, String... headers) {
        return send(baseUri(), method, path, body, basicAuthorization(user, password(user)), headers);
    }

    // ---------------------------------------------------------------- set-up as admin

    /** Creates a record as admin; one that exists already (409) is fine, so set-ups may run twice. */
    protected void ensure(String collection, String body) {
        Response response = http("POST", collection, body);
        assertTrue("POST " + collection + " " + body + ": " + response.status() + " " + response.body(),
                response.status() == 201 || response.status() == 409);
    }

    /** A salesperson whose login is {@code userName} (null: none). */
    protected void ensureSalesperson(String code, String name, String userName) {
        ensure(SALESPEOPLE, "{\"code\": \"%s\", \"name\": \"%s\"}".formatted(code, name));
        if (userName != null) {
            Response linked = http("PATCH", SALESPEOPLE + "/" + code, "{\"userName\": \"" + userName + "\"}");
            assertEquals("PATCH " + code + " userName: " + linked.body(), 200, linked.status());
        }
    }

    protected void ensureContact(String no, String name, String salespersonCode) {
        ensure(CONTACTS, "{\"no\": \"%s\", \"type\": \"COMPANY\", \"name\": \"%s\", \"salespersonCode\": \"%s\"}"
                .formatted(no, name, salespersonCode));
    }

    /** A cycle with the four stages of DOMAIN §9 and the close codes WIN1 (WON) and PRICE (LOST). */
    protected void ensureCycle(String code) {
        ensure(CYCLES, "{\"code\": \"%s\", \"description\": \"Cycle %s\", \"stages\": %s}"
                .formatted(code, code, WORKED_EXAMPLE_STAGES));
        ensure(CLOSE_CODES, "{\"code\": \"WIN1\", \"type\": \"WON\"}");
        ensure(CLOSE_CODES, "{\"code\": \"PRICE\", \"type\": \"LOST\"}");
    }

    /** An opportunity created by admin for the contact, at stage 1 when {@code activated}; returns its number. */
    protected String createOpportunity(String description, String contactNo, String cycle, String estimatedValue,
                                       boolean activated) {
        String activation = activated ? """
                , "activate": {"estimatedValue": %s, "chancesOfSuccessPercent": 50, "estimatedCloseDate": "%s"}"""
                .formatted(estimatedValue, java.time.LocalDate.now().plusMonths(2)) : "";
        Response created = http("POST", OPPORTUNITIES, """
                {"description": "%s", "contactNo": "%s", "salesCycleCode": "%s"%s}"""
                .formatted(description, contactNo, cycle, activation));
        assertEquals("create " + description + ": " + created.body(), 201, created.status());
        return created.json().path("no").asText();
    }

    /** An activity with {@code steps}, a JSON array (may be {@code []}). */
    protected void ensureActivity(String code, String description, String steps) {
        ensure(ACTIVITIES, "{\"code\": \"%s\", \"description\": \"%s\", \"steps\": %s}"
                .formatted(code, description, steps));
    }

    /** Creates a task by hand as {@code user} and asserts the 201; {@code body} is the task's JSON. */
    protected JsonNode createTask(String user, String body) {
        Response created = as(user, "POST", TASKS, body);
        assertEquals(user + " creates task " + body + ": " + created.body(), 201, created.status());
        return created.json();
    }

    /** Moves an opportunity as {@code user} and asserts success. */
    protected Response move(String user, String no, String body) {
        Response moved = as(user, "POST", OPPORTUNITIES + "/" + no + "/updates", body);
        assertEquals(user + " moves " + no + " " + body + ": " + moved.body(), 200, moved.status());
        return moved;
    }
}
