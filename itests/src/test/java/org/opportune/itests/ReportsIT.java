package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.itests.extrareport.DaysToQuarterEndActivator;
import org.opportune.itests.extrareport.DaysToQuarterEndReport;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;

/**
 * Reports over real HTTP and the shell on the distribution: the built-in ones on the data of DOMAIN §9 plus a lost
 * and an open opportunity, as JSON, CSV and SVG; bad parameters; a third party's report bundle installed and removed.
 */
public class ReportsIT extends RestApiTestSupport {
    private static final String REPORTS = "/api/v1/reports";
    private static final String REPORT_BUNDLE_PROPERTY = "opportune.itest.report.bundle";
    private static final List<String> BUILT_IN = List.of("forecast", "opportunities-by-salesperson",
            "opportunity-details", "opportunity-list", "pipeline", "sales-cycle-analysis",
            "salesperson-opportunities", "stage-conversion", "stale-opportunities", "tasks-by-salesperson",
            "top-open-opportunities", "win-loss");

    private final SettableClock clock = new SettableClock(LocalDate.of(2024, 1, 10));
    private ServiceRegistration<Clock> clockRegistration;

    @Override
    protected Option[] additionalOptions() {
        Path jar = ExtensionBundle.write(Path.of("target", "itest-bundles", "extrareport.jar"),
                "org.opportune.itests.extrareport", "org.opportune.api.report;version=\"[2.0,3)\","
                        + "org.osgi.framework;version=\"[1.8,2)\"", DaysToQuarterEndActivator.class,
                DaysToQuarterEndReport.class);
        return new Option[] { systemProperty(REPORT_BUNDLE_PROPERTY).value(jar.toUri().toString()) };
    }

    @Before
    public void registerClock() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(OpportunityService.CLOCK_PROPERTY, "itest");
        clockRegistration = bundleContext.registerService(Clock.class, clock, properties);
    }

    @After
    public void unregisterClock() {
        clockRegistration.unregister();
    }

    @Test
    public void theBuiltInReportsAreListedWithTheirParameters() {
        JsonNode reports = http("GET", REPORTS, null).json();
        List<String> ids = new ArrayList<>();
        reports.forEach(report -> ids.add(report.path("id").asText()));
        assertEquals(BUILT_IN, ids);
        JsonNode analysis = reports.get(ids.indexOf("sales-cycle-analysis"));
        assertEquals("salesCycleCode", analysis.path("parameters").get(0).path("name").asText());
        assertTrue(analysis.path("parameters").get(0).path("required").asBoolean());
        assertEquals("STRING", analysis.path("parameters").get(0).path("type").asText());
        assertEquals("org.opportune.reporting", analysis.path("bundle").asText());
        assertTrue(reports.get(ids.indexOf("pipeline")).path("chart").asBoolean());
        assertEquals(BUILT_IN.size(), http("GET", "/api/v1/extensions", null).json().path("reports").size());
    }

    @Test
    public void reportsOnTheWorkedExampleAsJsonCsvAndSvg() {
        String won = workedExample();

        JsonNode analysis = http("GET", REPORTS + "/sales-cycle-analysis?salesCycleCode=REP", null).json();
        assertEquals(analysis.toString(), 4, analysis.path("rows").size());
        assertAmount("10", analysis.path("rows").get(0).path("averageDays"));
        assertAmount("13", analysis.path("rows").get(1).path("averageDays"));
        assertAmount("33", analysis.path("totals").path("averageDays"));
        assertEquals("open: the lost one is closed, the one at stage 2 is open", 1,
                analysis.path("totals").path("count").asInt());
        JsonNode asOf = http("GET", REPORTS + "/sales-cycle-analysis?salesCycleCode=REP&asOf=2024-01-25", null).json();
        assertEquals(asOf.toString(), 3, asOf.path("rows").get(1).path("count").asInt());

        JsonNode pipeline = http("GET", REPORTS + "/pipeline?salesCycleCode=REP", null).json();
        assertEquals(List.of("3", "3", "1", "0"), column(pipeline, "entries"));
        Response funnel = http("GET", REPORTS + "/pipeline?salesCycleCode=REP", null, "Accept", "image/svg+xml");
        assertEquals(funnel.body(), 200, funnel.status());
        assertTrue(funnel.header("Content-Type"), funnel.header("Content-Type").startsWith("image/svg+xml"));
        assertTrue(funnel.body(), funnel.body().startsWith("<svg") && funnel.body().contains("Initial: 3"));

        Response csv = http("GET", REPORTS + "/opportunity-list?salesCycleCode=REP", null, "Accept", "text/csv");
        assertEquals(csv.body(), 200, csv.status());
        assertTrue(csv.header("Content-Type"), csv.header("Content-Type").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertTrue(lines[0], lines[0].startsWith("no,description,contactNo,"));
        assertEquals(csv.body(), 4, lines.length);
        assertTrue("a comma in a value is quoted: " + csv.body(), csv.body().contains("\"Order, large\""));

        JsonNode winLoss = http("GET", REPORTS + "/win-loss?from=2024-01-01&to=2024-12-31", null).json();
        assertEquals(winLoss.toString(), 1, winLoss.path("totals").path("won").asInt());
        assertEquals(winLoss.toString(), 1, winLoss.path("totals").path("lost").asInt());
        assertAmount("50", winLoss.path("totals").path("winRatePercent"));

        JsonNode conversion = http("GET", REPORTS + "/stage-conversion?salesCycleCode=REP", null).json();
        assertEquals(List.of("3", "3", "1", "0"), column(conversion, "reached"));
        assertEquals(List.of("1", "1", "1", "0"), column(conversion, "won"));

        JsonNode details = http("GET", REPORTS + "/opportunity-details?opportunityNo=" + won, null).json();
        assertEquals(List.of("10", "16", "10", "0"), column(details, "daysOpen"));
        assertEquals(36, details.path("totals").path("daysOpen").asInt());

        JsonNode top = http("GET", REPORTS + "/top-open-opportunities?n=5", null).json();
        assertEquals(column(top, "no").toString(), 1, top.path("rows").size());

        JsonNode bySalesperson = http("GET", REPORTS + "/opportunities-by-salesperson?status=WON&from=2024-02-01"
                + "&to=2024-02-29", null).json();
        assertEquals(List.of("SPREP"), column(bySalesperson, "salespersonCode"));
        Response bars = http("GET", REPORTS + "/opportunities-by-salesperson?status=IN_PROGRESS", null, "Accept",
                "image/svg+xml");
        assertTrue(bars.body(), bars.body().contains("SPREP"));

        JsonNode forecast = http("GET", REPORTS + "/forecast?period=QUARTER", null).json();
        assertEquals(forecast.toString(), "2024-Q1", forecast.path("rows").get(0).path("period").asText());
        Response columns = http("GET", REPORTS + "/forecast", null, "Accept", "image/svg+xml");
        assertTrue(columns.body(), columns.body().startsWith("<svg") && columns.body().contains("Calc. Current Value"));

        JsonNode grouped = http("GET", REPORTS + "/salesperson-opportunities?salesCycleCode=REP", null).json();
        assertEquals(List.of("OPPORTUNITY", "OPPORTUNITY", "OPPORTUNITY", "SALESPERSON_TOTAL"),
                column(grouped, "rowType"));

        String shell = executeCommand("report:run sales-cycle-analysis salesCycleCode=REP");
        assertTrue(shell, shell.contains("Sales Cycle") && shell.contains("Presentation") && shell.contains("Totals:"));
        assertTrue(executeCommand("report:list").contains("stage-conversion"));
    }

    @Test
    public void badParametersAreNamed() {
        assertProblem(http("GET", REPORTS + "/sales-cycle-analysis", null), 400, "salesCycleCode");
        assertProblem(http("GET", REPORTS + "/sales-cycle-analysis?salesCycleCode=X&colour=red", null), 400, "colour");
        assertProblem(http("GET", REPORTS + "/pipeline?salesCycleCode=X&asOf=31.01.2024", null), 400, "asOf");
        assertProblem(http("GET", REPORTS + "/forecast?period=WEEK", null), 400, "period");
        assertProblem(http("GET", REPORTS + "/sales-cycle-analysis?salesCycleCode=NOPE", null), 404);
        assertProblem(http("GET", REPORTS + "/no-such-report", null), 404);
        assertProblem(http("GET", REPORTS + "/win-loss", null, "Accept", "image/svg+xml"), 406);
        assertProblem(http("GET", REPORTS + "/sales-cycle-analysis", null, "Accept", "text/csv"), 400,
                "salesCycleCode");
        Response csv = http("GET", REPORTS + "/win-loss?from=2024-01-01", null, "Accept", "text/csv");
        assertEquals(csv.body(), 200, csv.status());
        assertTrue(csv.body(), csv.body().startsWith("dimension,key,outcome,won,lost,winRatePercent,"));
    }

    @Test
    public void aReportBundleInstalledAndRemovedAtRuntime() throws Exception {
        Bundle bundle = bundleContext.installBundle(requiredProperty(REPORT_BUNDLE_PROPERTY));
        bundle.start();
        try {
            eventually(java.time.Duration.ofSeconds(30), () -> assertEquals(200,
                    http("GET", REPORTS + "/" + DaysToQuarterEndReport.ID + "?day=2024-02-15", null).status()));
            JsonNode result = http("GET", REPORTS + "/" + DaysToQuarterEndReport.ID + "?day=2024-02-15", null).json();
            assertEquals(result.toString(), 45, result.path("rows").get(0).path("days").asInt());
            assertTrue(http("GET", "/api/v1/extensions", null).body().contains(DaysToQuarterEndReport.ID));
            assertProblem(http("GET", REPORTS + "/" + DaysToQuarterEndReport.ID, null), 400, "day");
        } finally {
            bundle.uninstall();
        }
        eventually(java.time.Duration.ofSeconds(30), () -> assertProblem(http("GET", REPORTS + "/"
                + DaysToQuarterEndReport.ID + "?day=2024-02-15", null), 404));
        assertFalse(http("GET", REPORTS, null).body().contains(DaysToQuarterEndReport.ID));
    }

    /**
     * On cycle REP (DOMAIN §9's stages): the §9 opportunity, won on 2024-02-15; one lost at stage 2 on 2024-01-30;
     * one in progress at stage 2. Returns the won one's no.
     */
    private String workedExample() {
        assertEquals(201, http("POST", "/api/v1/salespeople", "{\"code\": \"SPREP\", \"name\": \"Reporter\"}")
                .status());
        assertEquals(201, http("POST", "/api/v1/contacts", "{\"no\": \"CREP\", \"type\": \"COMPANY\", \"name\":"
                + " \"Reports Inc\", \"salespersonCode\": \"SPREP\"}").status());
        assertEquals(201, http("POST", "/api/v1/sales-cycles", "{\"code\": \"REP\", \"stages\": "
                + WORKED_EXAMPLE_STAGES + "}").status());
        for (String code : List.of("{\"code\": \"WIN1\", \"type\": \"WON\"}", "{\"code\": \"PRICE\", \"type\":"
                + " \"LOST\"}")) {
            int status = http("POST", "/api/v1/close-codes", code).status();
            assertTrue(status == 201 || status == 409);
        }
        clock.set(LocalDate.of(2024, 1, 10));
        String won = create("Order, large", "10000", "25", "2024-03-31");
        String lost = create("Lost one", "5000", "20", "2024-02-29");
        String open = create("Open one", "2000", "20", "2024-03-15");
        clock.set(LocalDate.of(2024, 1, 20));
        for (String no : List.of(won, lost, open)) {
            assertEquals(200, http("POST", "/api/v1/opportunities/" + no + "/updates", "{\"action\": \"NEXT\"}")
                    .status());
        }
        clock.set(LocalDate.of(2024, 1, 30));
        assertEquals(200, http("POST", "/api/v1/opportunities/" + lost + "/close",
                "{\"outcome\": \"LOST\", \"closeCode\": \"PRICE\"}").status());
        clock.set(LocalDate.of(2024, 2, 5));
        assertEquals(200, http("POST", "/api/v1/opportunities/" + won + "/updates",
                "{\"action\": \"NEXT\", \"estimatedValue\": 12000, \"chancesOfSuccessPercent\": 55}").status());
        clock.set(LocalDate.of(2024, 2, 15));
        assertEquals(200, http("POST", "/api/v1/opportunities/" + won + "/close",
                "{\"outcome\": \"WON\", \"closeCode\": \"WIN1\", \"value\": 11500}").status());
        return won;
    }

    private String create(String description, String value, String chances, String closeDate) {
        Response created = http("POST", "/api/v1/opportunities", """
                {"description": "%s", "contactNo": "CREP", "salesCycleCode": "REP",
                 "activate": {"estimatedValue": %s, "chancesOfSuccessPercent": %s, "estimatedCloseDate": "%s"}}"""
                .formatted(description, value, chances, closeDate));
        assertEquals(created.body(), 201, created.status());
        return created.json().path("no").asText();
    }

    private static List<String> column(JsonNode result, String name) {
        List<String> values = new ArrayList<>();
        result.path("rows").forEach(row -> values.add(row.path(name).asText()));
        return values;
    }
}
