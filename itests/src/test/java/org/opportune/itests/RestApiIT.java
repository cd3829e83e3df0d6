package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.opportune.api.UsageCheck;
import org.opportune.api.UsageResources;
import org.osgi.framework.ServiceRegistration;

/**
 * Salespeople and contacts over real HTTP on the booted distribution, as API.md and DOMAIN §1 say: the CRUD
 * conventions (201 + Location + ETag, list envelope, PUT, merge patch, If-Match, 204, 404) and every kind of bad
 * input, each answered with its 4xx problem+json naming the field and leaving the database as it was.
 * <p>
 * The methods share one Karaf (and database) and run in any order: each uses keys of its own.
 */
public class RestApiIT extends RestApiTestSupport {

    private static final String SALESPEOPLE = "/api/v1/salespeople";
    private static final String CONTACTS = "/api/v1/contacts";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    // ---------------------------------------------------------------- salespeople

    @Test
    public void salespersonLifecycle() {
        Response created = http("POST", SALESPEOPLE, """
                {"code": "jo-crud", "name": "Jo Miller", "email": "jo@example.com", "phone": "+44 20 1234",
                 "jobTitle": "Account manager", "commissionPercent": 2.5}""");
        assertEquals(created.body(), 201, created.status());
        assertTrue(created.header("Location"), created.header("Location").endsWith(SALESPEOPLE + "/JO-CRUD"));
        JsonNode body = created.json();
        assertEquals("codes are stored upper-case", "JO-CRUD", body.path("code").asText());
        assertEquals("Jo Miller", body.path("name").asText());
        assertEquals("jo@example.com", body.path("email").asText());
        assertEquals("+44 20 1234", body.path("phone").asText());
        assertEquals("Account manager", body.path("jobTitle").asText());
        assertEquals(0, body.path("commissionPercent").decimalValue().compareTo(new BigDecimal("2.5")));
        assertFalse(body.path("blocked").asBoolean());
        String firstTag = etag(created);

        Response read = http("GET", locationPath(created.header("Location")), null);
        assertEquals(read.body(), 200, read.status());
        assertEquals(body, read.json());
        assertEquals(firstTag, etag(read));

        Response replaced = http("PUT", SALESPEOPLE + "/jo-crud", """
                {"code": "JO-CRUD", "name": "Jo Miller-Smith", "email": "jo@example.com", "phone": "+44 20 1234",
                 "jobTitle": "Account manager", "commissionPercent": 3, "blocked": false}""", "If-Match", firstTag);
        assertEquals(replaced.body(), 200, replaced.status());
        assertEquals("Jo Miller-Smith", replaced.json().path("name").asText());
        assertEquals(3, replaced.json().path("commissionPercent").asInt());
        String secondTag = etag(replaced);
        assertNotEquals("a change is a new version", firstTag, secondTag);

        Response patched = http("PATCH", SALESPEOPLE + "/JO-CRUD", """
                {"jobTitle": "Sales lead", "phone": null}""", "Content-Type", MERGE_PATCH, "If-Match", secondTag);
        assertEquals(patched.body(), 200, patched.status());
        assertEquals("Sales lead", patched.json().path("jobTitle").asText());
        assertTrue("null removes a field in a merge patch", patched.json().path("phone").isNull());
        assertEquals("what the patch leaves out is kept", "Jo Miller-Smith", patched.json().path("name").asText());
        String thirdTag = etag(patched);

        Response plainJsonPatch = http("PATCH", SALESPEOPLE + "/JO-CRUD", "{\"blocked\": true}");
        assertEquals("application/json is taken as a merge patch: " + plainJsonPatch.body(), 200,
                plainJsonPatch.status());
        assertTrue(plainJsonPatch.json().path("blocked").asBoolean());
        JsonNode current = plainJsonPatch.json();

        // stale If-Match: 412 and nothing changes
        assertProblem(http("PATCH", SALESPEOPLE + "/JO-CRUD", "{\"name\": \"Stale\"}", "Content-Type", MERGE_PATCH,
                "If-Match", thirdTag), 412);
        assertProblem(http("PUT", SALESPEOPLE + "/JO-CRUD", "{\"code\": \"JO-CRUD\", \"name\": \"Stale\"}",
                "If-Match", firstTag), 412);
        assertProblem(http("DELETE", SALESPEOPLE + "/JO-CRUD", null, "If-Match", secondTag), 412);
        assertUnchanged(SALESPEOPLE + "/JO-CRUD", current);

        Response deleted = http("DELETE", SALESPEOPLE + "/JO-CRUD", null, "If-Match", etag(plainJsonPatch));
        assertEquals(deleted.body(), 204, deleted.status());
        JsonNode notFound = assertProblem(http("GET", SALESPEOPLE + "/JO-CRUD", null), 404);
        assertEquals(SALESPEOPLE + "/JO-CRUD", notFound.path("instance").asText());
        assertProblem(http("DELETE", SALESPEOPLE + "/JO-CRUD", null), 404);
        assertProblem(http("PUT", SALESPEOPLE + "/JO-CRUD", "{\"name\": \"Ghost\"}"), 404);
        assertProblem(http("PATCH", SALESPEOPLE + "/JO-CRUD", "{\"name\": \"Ghost\"}"), 404);
    }

    @Test
    public void salespeopleListPagesFiltersAndSorts() {
        createSalesperson("LSTA", "Zoe Lister", false);
        createSalesperson("LSTB", "Yan Lister", false);
        createSalesperson("LSTC", "Xia Lister", true);

        JsonNode firstPage = list(SALESPEOPLE + "?q=lst&sort=-code&limit=2&offset=0");
        assertEquals(List.of("LSTC", "LSTB"), values(firstPage, "code"));
        assertEquals(3, firstPage.path("total").asInt());
        assertEquals(0, firstPage.path("offset").asInt());
        assertEquals(2, firstPage.path("limit").asInt());

        JsonNode secondPage = list(SALESPEOPLE + "?q=lst&sort=-code&limit=2&offset=2");
        assertEquals(List.of("LSTA"), values(secondPage, "code"));
        assertEquals(3, secondPage.path("total").asInt());

        assertEquals("q also searches names", List.of("LSTA", "LSTB", "LSTC"),
                values(list(SALESPEOPLE + "?q=Lister&sort=code"), "code"));
        assertEquals(List.of("LSTC", "LSTB", "LSTA"), values(list(SALESPEOPLE + "?q=lister&sort=name"), "code"));
        assertEquals(List.of("LSTC"), values(list(SALESPEOPLE + "?q=LST&blocked=true"), "code"));
        assertEquals(List.of("LSTA", "LSTB"), values(list(SALESPEOPLE + "?q=LST&blocked=false&sort=code"), "code"));
        assertEquals("default limit", 50, list(SALESPEOPLE).path("limit").asInt());

        assertProblem(http("GET", SALESPEOPLE + "?colour=red", null), 400, "colour");
        assertProblem(http("GET", SALESPEOPLE + "?sort=colour", null), 400, "sort");
        assertProblem(http("GET", SALESPEOPLE + "?limit=501", null), 400, "limit");
        assertProblem(http("GET", SALESPEOPLE + "?offset=-1", null), 400, "offset");
        assertProblem(http("GET", SALESPEOPLE + "?blocked=maybe", null), 400, "blocked");
    }

    @Test
    public void badSalespersonInputIsRefusedAndChangesNothing() {
        long total = total(SALESPEOPLE);

        JsonNode malformed = assertProblem(http("POST", SALESPEOPLE, "{\"code\": \"BAD1\", \"name\": "), 400);
        assertTrue(malformed.toString(), malformed.path("detail").asText().contains("malformed JSON"));
        assertProblem(http("POST", SALESPEOPLE, "{\"code\": \"BAD1\", \"name\": \"x\"} trailing"), 400);
        assertProblem(http("POST", SALESPEOPLE, "{\"code\": \"BAD1\", \"name\": \"Bad\", \"commissionPercent\": \"ten\"}"),
                400, "commissionPercent");
        assertProblem(http("POST", SALESPEOPLE, "{\"code\": \"BAD1\", \"name\": \"Bad\", \"blocked\": \"yes\"}"), 400,
                "blocked");
        assertProblem(http("POST", SALESPEOPLE, "{\"code\": \"BAD1\", \"name\": 42}"), 400, "name");
        assertProblem(http("POST", SALESPEOPLE, "{\"code\": \"BAD1\", \"name\": \"Bad\", \"colour\": \"red\"}"), 400,
                "colour");
        assertProblem(http("POST", SALESPEOPLE, "{\"code\": \"BAD1\"}"), 400, "name");
        assertProblem(http("POST", SALESPEOPLE, "{\"name\": \"No Code\"}"), 400, "code");
        assertProblem(http("POST", SALESPEOPLE, "{\"code\": \"BAD1\", \"name\": \"" + "n".repeat(51) + "\"}"), 400,
                "name");
        assertProblem(http("POST", SALESPEOPLE, "{\"code\": \"" + "C".repeat(21) + "\", \"name\": \"Long Code\"}"),
                400, "code");
        assertProblem(http("POST", SALESPEOPLE, "{\"code\": \"BAD1\", \"name\": \"Bad\", \"commissionPercent\": 101}"),
                400, "commissionPercent");
        assertProblem(http("POST", SALESPEOPLE, "{\"code\": \"BAD1\", \"name\": \"Bad\", \"commissionPercent\": -1}"),
                400, "commissionPercent");
        assertProblem(http("POST", SALESPEOPLE, "{\"code\": \"BAD1\", \"name\": \"Bad\", \"email\": \"not-an-address\"}"),
                400, "email");
        assertProblem(http("POST", SALESPEOPLE, "{\"code\": \"BAD1\", \"name\": \"Bad\", \"version\": 7}"), 400,
                "version");
        assertProblem(http("POST", SALESPEOPLE, "[]"), 400);
        assertProblem(http("POST", SALESPEOPLE, ""), 400);
        assertProblem(http("POST", SALESPEOPLE, "code=BAD1&name=Bad", "Content-Type", "text/plain"), 415);
        assertProblem(http("POST", SALESPEOPLE, "<salesperson/>", "Content-Type", "application/xml"), 415);
        assertProblem(postDeclaringBodyOf(SALESPEOPLE, 1_100_000),
                413);

        assertProblem(http("GET", SALESPEOPLE + "/BAD1", null), 404);
        assertEquals("nothing was created", total, total(SALESPEOPLE));
    }

    @Test
    public void badSalespersonChangesAreRefusedAndChangeNothing() {
        createSalesperson("CHG1", "Chris Change", false);
        String path = SALESPEOPLE + "/CHG1";
        Response read = http("GET", path, null);
        JsonNode before = read.json();
        String tag = etag(read);

        assertProblem(http("PUT", path, "{\"code\": \"CHG1\", \"name\": \"" + "n".repeat(51) + "\"}", "If-Match", tag),
                400, "name");
        assertProblem(http("PUT", path, "{\"code\": \"CHG1\", \"name\": \"Chris\", \"colour\": 1}"), 400, "colour");
        assertProblem(http("PUT", path, "{\"code\": \"OTHER\", \"name\": \"Chris\"}"), 400, "code");
        assertProblem(http("PUT", path, "{\"code\": \"CHG1\", \"name\": \"Chris\", \"version\": 999}"), 400, "version");
        assertProblem(http("PUT", path, "{\"code\": \"CHG1\", \"name\": \"Chris\"", "If-Match", tag), 400);
        assertProblem(http("PUT", path, "{\"code\": \"CHG1\"}"), 400, "name");
        assertProblem(http("PATCH", path, "{\"commissionPercent\": 101}", "Content-Type", MERGE_PATCH), 400,
                "commissionPercent");
        assertProblem(http("PATCH", path, "{\"commissionPercent\": \"high\"}", "Content-Type", MERGE_PATCH), 400,
                "commissionPercent");
        assertProblem(http("PATCH", path, "{\"colour\": \"red\"}", "Content-Type", MERGE_PATCH), 400, "colour");
        assertProblem(http("PATCH", path, "{\"name\": null}", "Content-Type", MERGE_PATCH), 400, "name");
        assertProblem(http("PATCH", path, "[1, 2]", "Content-Type", MERGE_PATCH), 400);
        assertProblem(http("PATCH", path, "name=x", "Content-Type", "text/plain"), 415);
        assertProblem(http("PUT", path, "{\"code\": \"CHG1\", \"name\": \"Chris\"}", "If-Match", "yesterday"), 400,
                "If-Match");

        assertUnchanged(path, before);
        assertEquals(tag, etag(http("GET", path, null)));
    }

    @Test
    public void duplicateSalespersonIsAConflict() {
        createSalesperson("DUP1", "First Holder", false);
        JsonNode before = http("GET", SALESPEOPLE + "/DUP1", null).json();

        assertProblem(http("POST", SALESPEOPLE, "{\"code\": \"dup1\", \"name\": \"Second Holder\"}"), 409, "code");

        assertUnchanged(SALESPEOPLE + "/DUP1", before);
    }

    @Test
    public void credentialsAreRequired() {
        long total = total(SALESPEOPLE);

        Response anonymous = httpWithoutCredentials("POST", SALESPEOPLE, "{\"code\": \"ANON1\", \"name\": \"Anon\"}");
        assertProblem(anonymous, 401);
        assertTrue(anonymous.header("WWW-Authenticate"), anonymous.header("WWW-Authenticate").startsWith("Basic"));

        Response wrongPassword = send(baseUri(), "POST", SALESPEOPLE, "{\"code\": \"ANON1\", \"name\": \"Anon\"}",
                basicAuthorization(ADMIN, "not-the-password"));
        assertProblem(wrongPassword, 401);
        assertTrue(wrongPassword.header("WWW-Authenticate").startsWith("Basic"));
        assertProblem(send(baseUri(), "GET", CONTACTS, null, basicAuthorization("nobody", ADMIN_PASSWORD)), 401);
        assertProblem(send(baseUri(), "GET", CONTACTS, null, "Basic not-base-64!"), 401);
        assertProblem(send(baseUri(), "GET", CONTACTS, null, "Bearer abc"), 401);
        assertProblem(httpWithoutCredentials("GET", "/api/v1/no-such-thing", null), 401);

        assertProblem(http("GET", SALESPEOPLE + "/ANON1", null), 404);
        assertEquals(total, total(SALESPEOPLE));
    }

    @Test
    public void deleteIsRefusedWhileAUsageCheckSaysInUse() {
        createSalesperson("USED1", "Ursula Used", false);
        createSalesperson("FREE1", "Fred Free", false);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(UsageCheck.RESOURCE, UsageResources.SALESPERSON);
        properties.put(UsageCheck.NAME_PROPERTY, "in-use-by-the-test");
        ServiceRegistration<UsageCheck> registration = bundleContext.registerService(UsageCheck.class,
                key -> "USED1".equals(key) ? Optional.of("in use by the test") : Optional.empty(), properties);
        try {
            eventually(Duration.ofSeconds(10), () -> {
                JsonNode refused = assertProblem(http("DELETE", SALESPEOPLE + "/USED1", null), 409);
                assertTrue(refused.toString(), refused.path("detail").asText().contains("in use by the test"));
            });
            assertEquals(200, http("GET", SALESPEOPLE + "/USED1", null).status());
            assertEquals("a check answers only for the records it knows", 204,
                    http("DELETE", SALESPEOPLE + "/FREE1", null).status());
        } finally {
            registration.unregister();
        }
        eventually(Duration.ofSeconds(10), () -> assertEquals(204, http("DELETE", SALESPEOPLE + "/USED1", null).status()));
        assertProblem(http("GET", SALESPEOPLE + "/USED1", null), 404);
    }

    // ---------------------------------------------------------------- contacts

    @Test
    public void contactLifecycleWithPersonInCompany() {
        createSalesperson("CTSP", "Casey Contacts", false);
        Response company = http("POST", CONTACTS, """
                {"type": "COMPANY", "name": "Cronus Ltd", "salespersonCode": "ctsp", "email": "info@cronus.example",
                 "phone": "+44 1", "address": {"line1": "1 High Street", "city": "London", "postCode": "N1 1AA",
                 "countryCode": "GB"}}""");
        assertEquals(company.body(), 201, company.status());
        String companyNo = company.json().path("no").asText();
        assertTrue("numbered by the series: " + companyNo, companyNo.matches("CT\\d{6}"));
        assertTrue(company.header("Location"), company.header("Location").endsWith(CONTACTS + "/" + companyNo));
        assertEquals("a company is its own company", companyNo, company.json().path("companyNo").asText());
        assertEquals("Cronus Ltd", company.json().path("companyName").asText());
        assertEquals("CTSP", company.json().path("salespersonCode").asText());
        assertEquals("London", company.json().path("address").path("city").asText());
        etag(company);

        Response person = http("POST", CONTACTS, """
                {"type": "PERSON", "name": "Pat Person", "companyNo": "%s", "jobTitle": "Buyer",
                 "mobilePhone": "+44 7700"}""".formatted(companyNo.toLowerCase()));
        assertEquals(person.body(), 201, person.status());
        String personNo = person.json().path("no").asText();
        assertNotEquals(companyNo, personNo);
        assertEquals(companyNo, person.json().path("companyNo").asText());
        assertEquals("Cronus Ltd", person.json().path("companyName").asText());
        assertEquals("PERSON", person.json().path("type").asText());

        Response read = http("GET", CONTACTS + "/" + personNo, null);
        assertEquals(read.body(), 200, read.status());
        assertEquals(person.json(), read.json());
        String personTag = etag(read);

        JsonNode persons = list(CONTACTS + "?companyNo=" + companyNo + "&type=PERSON");
        assertEquals(List.of(personNo), values(persons, "no"));
        assertEquals(List.of("Cronus Ltd"), values(persons, "companyName"));
        assertEquals(List.of(companyNo), values(list(CONTACTS + "?salespersonCode=CTSP"), "no"));
        assertEquals(List.of(personNo, companyNo),
                values(list(CONTACTS + "?companyNo=" + companyNo + "&sort=-no"), "no"));

        Response renamed = http("PATCH", CONTACTS + "/" + companyNo, """
                {"name": "Cronus Holdings", "address": {"city": "Leeds"}}""", "Content-Type", MERGE_PATCH);
        assertEquals(renamed.body(), 200, renamed.status());
        assertEquals("Leeds", renamed.json().path("address").path("city").asText());
        assertEquals("a merge patch merges nested objects", "1 High Street",
                renamed.json().path("address").path("line1").asText());
        assertEquals("the person shows its company's new name", "Cronus Holdings",
                http("GET", CONTACTS + "/" + personNo, null).json().path("companyName").asText());

        Response replaced = http("PUT", CONTACTS + "/" + personNo, """
                {"no": "%s", "type": "PERSON", "name": "Pat Person-Jones", "companyNo": "%s", "jobTitle": "Head buyer"}
                """.formatted(personNo, companyNo), "If-Match", personTag);
        assertEquals(replaced.body(), 200, replaced.status());
        assertEquals("Pat Person-Jones", replaced.json().path("name").asText());
        assertTrue("PUT replaces: what is left out is cleared", replaced.json().path("mobilePhone").isNull());
        JsonNode current = replaced.json();

        assertProblem(http("PUT", CONTACTS + "/" + personNo, """
                {"type": "PERSON", "name": "Stale Write"}""", "If-Match", personTag), 412);
        assertProblem(http("PATCH", CONTACTS + "/" + personNo, "{\"name\": \"Stale\"}", "If-Match", personTag), 412);
        assertUnchanged(CONTACTS + "/" + personNo, current);

        JsonNode stillHasPersons = assertProblem(http("DELETE", CONTACTS + "/" + companyNo, null), 409);
        assertTrue(stillHasPersons.toString(), stillHasPersons.path("detail").asText().contains("persons"));
        assertEquals(200, http("GET", CONTACTS + "/" + companyNo, null).status());

        assertEquals(204, http("DELETE", CONTACTS + "/" + personNo, null, "If-Match", etag(replaced)).status());
        assertEquals(204, http("DELETE", CONTACTS + "/" + companyNo, null).status());
        assertProblem(http("GET", CONTACTS + "/" + personNo, null), 404);
        assertProblem(http("GET", CONTACTS + "/" + companyNo, null), 404);
    }

    @Test
    public void badContactInputIsRefusedAndChangesNothing() {
        createSalesperson("BLOCKED1", "Barry Blocked", true);
        String personNo = http("POST", CONTACTS, "{\"type\": \"PERSON\", \"name\": \"Not A Company\"}").json()
                .path("no").asText();
        long total = total(CONTACTS);

        assertProblem(http("POST", CONTACTS, "{\"type\": \"COMPANY\", \"name\": \"Broken\""), 400);
        assertProblem(http("POST", CONTACTS, "{\"type\": \"ROBOT\", \"name\": \"Bad Type\"}"), 400, "type");
        assertProblem(http("POST", CONTACTS, "{\"type\": 1, \"name\": \"Bad Type\"}"), 400, "type");
        assertProblem(http("POST", CONTACTS, "{\"name\": \"No Type\"}"), 400, "type");
        assertProblem(http("POST", CONTACTS, "{\"type\": \"COMPANY\"}"), 400, "name");
        assertProblem(http("POST", CONTACTS, "{\"type\": \"COMPANY\", \"name\": \"" + "n".repeat(101) + "\"}"), 400,
                "name");
        assertProblem(http("POST", CONTACTS, """
                {"type": "COMPANY", "name": "Long City", "address": {"city": "%s"}}""".formatted("c".repeat(31))), 400,
                "address.city");
        assertProblem(http("POST", CONTACTS, """
                {"type": "COMPANY", "name": "Bad Address", "address": {"town": "Leeds"}}"""), 400, "address.town");
        assertProblem(http("POST", CONTACTS, """
                {"type": "COMPANY", "name": "Bad Address", "address": "Leeds"}"""), 400, "address");
        assertProblem(http("POST", CONTACTS, "{\"type\": \"COMPANY\", \"name\": \"X\", \"website\": \"x.example\"}"),
                400, "website");
        assertProblem(http("POST", CONTACTS, "{\"type\": \"PERSON\", \"name\": \"Orphan\", \"companyNo\": \"CT999999\"}"),
                400, "companyNo");
        assertProblem(http("POST", CONTACTS, """
                {"type": "PERSON", "name": "Wrong Company", "companyNo": "%s"}""".formatted(personNo)), 400,
                "companyNo");
        assertProblem(http("POST", CONTACTS, "{\"type\": \"COMPANY\", \"name\": \"X\", \"salespersonCode\": \"NOPE\"}"),
                400, "salespersonCode");
        assertProblem(http("POST", CONTACTS, "{\"type\": \"COMPANY\", \"name\": \"X\", \"salespersonCode\": \"blocked1\"}"),
                409, "salespersonCode");
        assertProblem(http("POST", CONTACTS, "{\"type\": \"COMPANY\", \"name\": \"X\", \"companyName\": \"Other\"}"), 400,
                "companyName");
        assertProblem(http("POST", CONTACTS, "{\"no\": \"" + personNo + "\", \"type\": \"COMPANY\", \"name\": \"Taken\"}"),
                409, "no");
        assertProblem(http("POST", CONTACTS, "{\"type\": \"COMPANY\", \"name\": \"X\"}", "Content-Type", "text/csv"),
                415);
        assertProblem(postDeclaringBodyOf(CONTACTS, 1_100_000),
                413);
        assertProblem(http("GET", CONTACTS + "?city=Leeds", null), 400, "city");
        assertProblem(http("GET", CONTACTS + "?type=ROBOT", null), 400, "type");
        assertProblem(http("GET", CONTACTS + "?sort=colour", null), 400, "sort");

        assertEquals("nothing was created", total, total(CONTACTS));
        assertTrue(values(list(CONTACTS + "?q=X&limit=500"), "name").stream().noneMatch("X"::equals));
    }

    @Test
    public void badContactChangesAreRefusedAndChangeNothing() {
        createSalesperson("BLOCKED2", "Bella Blocked", true);
        Response created = http("POST", CONTACTS, "{\"type\": \"PERSON\", \"name\": \"Steady Person\"}");
        String path = CONTACTS + "/" + created.json().path("no").asText();
        JsonNode before = created.json();

        assertProblem(http("PATCH", path, "{\"salespersonCode\": \"BLOCKED2\"}"), 409, "salespersonCode");
        assertProblem(http("PATCH", path, "{\"salespersonCode\": \"NOPE\"}"), 400, "salespersonCode");
        assertProblem(http("PATCH", path, "{\"companyNo\": \"CT999999\"}"), 400, "companyNo");
        assertProblem(http("PATCH", path, "{\"type\": \"ROBOT\"}", "Content-Type", MERGE_PATCH), 400, "type");
        assertProblem(http("PATCH", path, "{\"address\": {\"countryCode\": \"" + "G".repeat(11) + "\"}}"), 400,
                "address.countryCode");
        assertProblem(http("PATCH", path, "{\"no\": \"CT123456\"}"), 400, "no");
        assertProblem(http("PUT", path, "{\"type\": \"PERSON\", \"name\": \"Steady\", \"phone\": 12345}"), 400, "phone");
        assertProblem(http("PUT", path, "{\"type\": \"PERSON\"}"), 400, "name");

        assertUnchanged(path, before);
    }

    // ---------------------------------------------------------------- helpers

    private void createSalesperson(String code, String name, boolean blocked) {
        Response created = http("POST", SALESPEOPLE,
                "{\"code\": \"" + code + "\", \"name\": \"" + name + "\", \"blocked\": " + blocked + "}");
        assertEquals(created.body(), 201, created.status());
    }

    /** The path of an absolute URI from a Location header. */
    private static String locationPath(String location) {
        return URI.create(location).getRawPath();
    }
}
