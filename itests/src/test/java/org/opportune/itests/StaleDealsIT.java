package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opportune.api.opportunity.OpportunityEvents;
import org.opportune.api.opportunity.OpportunityService;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Stale deals (DOMAIN §11) on the distribution: a stage with {@code maxDaysIdle} 5, a deal at it, and "today" (a
 * {@link SettableClock}) moved on day by day. The deal is stale from the sixth idle day on: listed with
 * {@code stale=true} and its {@code daysIdle}, in the {@code stale-opportunities} report, and announced by exactly one
 * {@code STALE} event however often the watch checks (every second here, {@code staleCheckSeconds = 1}) and after the
 * opportunities bundle restarts; a move to the next stage is a new visit that may be announced once more.
 * <p>
 * That a check ran is awaited, not slept for: a marker deal, stale the moment it is made, is announced by the next check.
 */
public class StaleDealsIT extends RestApiTestSupport {
    private static final String OPPORTUNITIES = "/api/v1/opportunities";
    private static final String OPPORTUNITIES_BUNDLE = "org.opportune.opportunities";
    private static final Duration CHECKED = Duration.ofSeconds(30);
    private static final LocalDate D = LocalDate.of(2024, 3, 1);

    private final SettableClock clock = new SettableClock(D);
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private ServiceRegistration<Clock> clockRegistration;
    private ServiceRegistration<EventHandler> listener;

    @Override
    protected Option[] additionalOptions() {
        return new Option[] {
            editConfigurationFilePut("etc/org.opportune.opportunities.cfg", "staleCheckSeconds", "1"),
        };
    }

    @Before
    public void registerClockAndListener() {
        Dictionary<String, Object> clockProperties = new Hashtable<>();
        clockProperties.put(OpportunityService.CLOCK_PROPERTY, "itest");
        clockProperties.put(Constants.SERVICE_RANKING, 100);
        clockRegistration = bundleContext.registerService(Clock.class, clock, clockProperties);
        Dictionary<String, Object> listenerProperties = new Hashtable<>();
        listenerProperties.put(EventConstants.EVENT_TOPIC, OpportunityEvents.STALE);
        listener = bundleContext.registerService(EventHandler.class, events::add, listenerProperties);
    }

    @After
    public void unregister() {
        listener.unregister();
        clockRegistration.unregister();
    }

    @Test
    public void aDealIsAnnouncedStaleOncePerStageVisit() throws Exception {
        setUp();
        clock.set(D);
        String no = create("ST", null);
        long firstVisit = activeEntryNo(no);

        clock.set(D.plusDays(5));
        assertEquals(5, opportunity(no).path("daysIdle").asInt());
        assertEquals(List.of(), values(list(OPPORTUNITIES + "?salesCycleCode=ST&stale=true"), "no"));
        assertEquals(List.of(no), values(list(OPPORTUNITIES + "?salesCycleCode=ST&stale=false"), "no"));
        awaitCheck();
        assertEquals("five idle days are not more than five", 0, staleEventsOf(no).size());

        clock.set(D.plusDays(6));
        JsonNode stale = list(OPPORTUNITIES + "?salesCycleCode=ST&stale=true");
        assertEquals(List.of(no), values(stale, "no"));
        assertEquals(6, stale.path("items").get(0).path("daysIdle").asInt());
        assertEquals(List.of(), values(list(OPPORTUNITIES + "?salesCycleCode=ST&stale=false"), "no"));
        assertStaleReport(no, 6, 5);
        eventually(CHECKED, () -> assertEquals(1, staleEventsOf(no).size()));
        Event first = staleEventsOf(no).get(0);
        assertEquals(6, number(first, OpportunityEvents.DAYS_IDLE));
        assertEquals(5, number(first, OpportunityEvents.MAX_DAYS_IDLE));
        assertEquals(firstVisit, number(first, OpportunityEvents.ENTRY_NO));
        assertEquals("ST", first.getProperty(OpportunityEvents.SALES_CYCLE_CODE));
        assertEquals("SPST", first.getProperty(OpportunityEvents.SALESPERSON_CODE));
        awaitCheck();
        awaitCheck();
        assertEquals("one event per visit, whatever the number of checks", 1, staleEventsOf(no).size());

        clock.set(D.plusDays(7));
        awaitCheck();
        assertEquals("a day later it is still the same visit", 1, staleEventsOf(no).size());

        stopBundle(OPPORTUNITIES_BUNDLE);
        startBundle(OPPORTUNITIES_BUNDLE);
        awaitHealthUp();
        awaitCheck();
        assertEquals("the database remembers, not the node", 1, staleEventsOf(no).size());

        // the next stage (maxDaysIdle 3) is a new visit
        Response moved = http("POST", OPPORTUNITIES + "/" + no + "/updates", "{\"action\": \"NEXT\"}");
        assertEquals(moved.body(), 200, moved.status());
        assertEquals(0, moved.json().path("daysIdle").asInt());
        long secondVisit = activeEntryNo(no);
        clock.set(D.plusDays(10));
        assertEquals(3, opportunity(no).path("daysIdle").asInt());
        assertEquals(List.of(), values(list(OPPORTUNITIES + "?salesCycleCode=ST&stale=true"), "no"));
        awaitCheck();
        assertEquals(1, staleEventsOf(no).size());
        clock.set(D.plusDays(11));
        assertEquals(List.of(no), values(list(OPPORTUNITIES + "?salesCycleCode=ST&stale=true"), "no"));
        eventually(CHECKED, () -> assertEquals(2, staleEventsOf(no).size()));
        Event second = staleEventsOf(no).get(1);
        assertEquals(secondVisit, number(second, OpportunityEvents.ENTRY_NO));
        assertEquals(4, number(second, OpportunityEvents.DAYS_IDLE));
        assertEquals(3, number(second, OpportunityEvents.MAX_DAYS_IDLE));
        awaitCheck();
        assertEquals(2, staleEventsOf(no).size());

        // an UPDATE is no new visit, but a new date of change: no longer idle
        Response update = http("POST", OPPORTUNITIES + "/" + no + "/updates", "{\"action\": \"UPDATE\"}");
        assertEquals(update.body(), 200, update.status());
        assertEquals(0, update.json().path("daysIdle").asInt());
        assertEquals(List.of(), values(list(OPPORTUNITIES + "?salesCycleCode=ST&stale=true"), "no"));

        // closed deals are never stale and have no daysIdle
        Response lost = http("POST", OPPORTUNITIES + "/" + no + "/close",
                "{\"outcome\": \"LOST\", \"closeCode\": \"PRICE\"}");
        assertEquals(lost.body(), 200, lost.status());
        assertTrue(lost.body(), lost.json().path("daysIdle").isNull());
        clock.set(D.plusDays(60));
        assertEquals(List.of(), values(list(OPPORTUNITIES + "?salesCycleCode=ST&stale=true"), "no"));
        assertEquals(List.of(no), values(list(OPPORTUNITIES + "?salesCycleCode=ST&stale=false"), "no"));
    }

    @Test
    public void aStageWithoutALimitIsNeverStaleAndBadFiltersAreRefused() {
        setUp();
        clock.set(D);
        String no = create("STN", null);
        clock.set(D.plusDays(400));
        assertEquals(400, opportunity(no).path("daysIdle").asInt());
        assertEquals(List.of(), values(list(OPPORTUNITIES + "?salesCycleCode=STN&stale=true"), "no"));
        assertEquals(List.of(no), values(list(OPPORTUNITIES + "?salesCycleCode=STN&stale=false"), "no"));
        assertProblem(http("GET", OPPORTUNITIES + "?stale=maybe", null), 400, "stale");
        JsonNode before = opportunity(no);
        assertProblem(http("PATCH", OPPORTUNITIES + "/" + no, "{\"daysIdle\": 1}"), 400, "daysIdle");
        assertUnchanged(OPPORTUNITIES + "/" + no, before);
        String notStarted = createOpportunityNotStarted("STN");
        assertTrue(opportunity(notStarted).path("daysIdle").isNull());
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Salesperson SPST, contact CST; cycle ST: stage 1 maxDaysIdle 5, stage 2 maxDaysIdle 3, stage 3 none; cycle STN
     * with no limit; cycle STM (markers): stage 1 maxDaysIdle 1; close code PRICE.
     */
    private void setUp() {
        ensure("/api/v1/salespeople", "{\"code\": \"SPST\", \"name\": \"Seller ST\"}");
        ensure("/api/v1/contacts",
                "{\"no\": \"CST\", \"type\": \"COMPANY\", \"name\": \"Company ST\", \"salespersonCode\": \"SPST\"}");
        ensure("/api/v1/sales-cycles", """
                {"code": "ST", "stages": [
                  {"stage": 1, "description": "One", "completedPercent": 10, "chancesOfSuccessPercent": 20,
                   "maxDaysIdle": 5},
                  {"stage": 2, "description": "Two", "completedPercent": 30, "chancesOfSuccessPercent": 40,
                   "maxDaysIdle": 3},
                  {"stage": 3, "description": "Three", "completedPercent": 60, "chancesOfSuccessPercent": 50}]}""");
        ensure("/api/v1/sales-cycles", """
                {"code": "STN", "stages": [
                  {"stage": 1, "description": "One", "completedPercent": 10, "chancesOfSuccessPercent": 20}]}""");
        ensure("/api/v1/sales-cycles", """
                {"code": "STM", "stages": [
                  {"stage": 1, "description": "Marker", "completedPercent": 10, "chancesOfSuccessPercent": 20,
                   "maxDaysIdle": 1}]}""");
        ensure("/api/v1/close-codes", "{\"code\": \"PRICE\", \"type\": \"LOST\"}");
    }

    private void ensure(String collection, String body) {
        Response response = http("POST", collection, body);
        assertTrue(collection + " " + body + ": " + response.body(), response.status() == 201
                || response.status() == 409);
    }

    /** A deal on {@code cycle} started today, or on {@code dateOfChange}; returns its number. */
    private String create(String cycle, LocalDate dateOfChange) {
        Response created = http("POST", OPPORTUNITIES, """
                {"description": "Idle on %s", "contactNo": "CST", "salesCycleCode": "%s",
                 "activate": {%s"estimatedValue": 1000, "chancesOfSuccessPercent": 30,
                              "estimatedCloseDate": "2099-12-31"}}""".formatted(cycle, cycle,
                dateOfChange == null ? "" : "\"dateOfChange\": \"" + dateOfChange + "\", "));
        assertEquals(created.body(), 201, created.status());
        return created.json().path("no").asText();
    }

    private String createOpportunityNotStarted(String cycle) {
        Response created = http("POST", OPPORTUNITIES,
                "{\"description\": \"Not started\", \"contactNo\": \"CST\", \"salesCycleCode\": \"" + cycle + "\"}");
        assertEquals(created.body(), 201, created.status());
        return created.json().path("no").asText();
    }

    /**
     * Waits for a check of the stale deals that ran after this call with today's date: a marker deal, idle two days
     * on a stage of at most one, is announced by it.
     */
    private void awaitCheck() {
        String marker = create("STM", LocalDate.now(clock).minusDays(2));
        eventually(CHECKED, () -> assertEquals("the marker " + marker + " was announced", 1,
                staleEventsOf(marker).size()));
    }

    private void assertStaleReport(String no, int daysIdle, int maxDaysIdle) {
        Response json = http("GET", "/api/v1/reports/stale-opportunities?salesCycleCode=ST", null);
        assertEquals(json.body(), 200, json.status());
        JsonNode rows = json.json().path("rows");
        assertEquals(rows.toString(), 1, rows.size());
        JsonNode row = rows.get(0);
        assertEquals(row.toString(), no, row.path("no").asText());
        assertEquals(row.toString(), "SPST", row.path("salespersonCode").asText());
        assertEquals(row.toString(), daysIdle, row.path("daysIdle").asInt());
        assertEquals(row.toString(), maxDaysIdle, row.path("maxDaysIdle").asInt());
        assertEquals(row.toString(), 1, row.path("currentStage").asInt());
        assertEquals(json.body(), 1, json.json().path("totals").path("count").asInt());
        Response csv = http("GET", "/api/v1/reports/stale-opportunities?salesCycleCode=ST", null, "Accept",
                "text/csv");
        assertEquals(csv.body(), 200, csv.status());
        String[] lines = csv.body().split("\r\n");
        assertTrue(csv.body(), lines[0].contains("daysIdle") && lines[0].contains("maxDaysIdle"));
        assertEquals(csv.body(), 2, lines.length);
        assertTrue(csv.body(), lines[1].contains(no));
    }

    private JsonNode opportunity(String no) {
        Response read = http("GET", OPPORTUNITIES + "/" + no, null);
        assertEquals(read.body(), 200, read.status());
        return read.json();
    }

    private long activeEntryNo(String no) {
        for (JsonNode entry : list(OPPORTUNITIES + "/" + no + "/entries?limit=500").path("items")) {
            if (entry.path("active").asBoolean()) {
                return entry.path("entryNo").asLong();
            }
        }
        throw new AssertionError(no + " has no active entry");
    }

    private List<Event> staleEventsOf(String no) {
        return events.stream().filter(event -> no.equals(event.getProperty(OpportunityEvents.OPPORTUNITY_NO)))
                .toList();
    }

    private static long number(Event event, String property) {
        Object value = event.getProperty(property);
        assertTrue(property + " of " + event + ": " + value, value instanceof Number);
        return ((Number) value).longValue();
    }
}
