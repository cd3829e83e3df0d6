package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.EnumSet;

import org.junit.Test;
import org.opportune.api.opportunity.OpportunityStatus;
import org.osgi.framework.Bundle;

/**
 * {@code feature:install opportune-demo} on the distribution's empty database: opportunities of every status over
 * REST, every report with data, activities, tasks and stale deals; and it never loads twice (the database has data the
 * second time).
 */
public class DemoFeatureIT extends RestApiTestSupport {

    @Test
    public void theDemoFillsAnEmptyDatabaseOnce() throws Exception {
        assertEquals(0, total("/api/v1/opportunities"));
        featuresService.installFeature("opportune-demo");
        eventually(Duration.ofSeconds(90), () -> assertEquals(300, total("/api/v1/opportunities")));
        eventually(Duration.ofSeconds(30), () -> {
            for (OpportunityStatus status : EnumSet.allOf(OpportunityStatus.class)) {
                assertTrue(status + " opportunities", total("/api/v1/opportunities?status=" + status) > 0);
            }
        });
        assertTrue(total("/api/v1/salespeople") >= 6);
        assertTrue(total("/api/v1/sales-cycles") >= 4);
        assertTrue("the history spans two years", http("GET", "/api/v1/opportunities?sort=creationDate&limit=1", null)
                .json().path("items").get(0).path("creationDate").asText().compareTo(java.time.LocalDate.now()
                        .minusYears(1).toString()) < 0);
        assertTrue(http("GET", "/api/v1/reports/pipeline?salesCycleCode=NEW", null).json().path("totals")
                .path("entries").asLong() > 0);
        assertTrue(http("GET", "/api/v1/reports/win-loss", null).json().path("totals").path("won").asLong() > 0);
        // DOMAIN §10, §11: the demo's stages name activities, so its moves made tasks, and some deals are stale
        assertTrue(total("/api/v1/activities") >= 3);
        assertTrue("the demo's moves made tasks", total("/api/v1/tasks") > 0);
        assertTrue("open tasks", total("/api/v1/tasks?status=OPEN") > 0);
        assertTrue("stale deals", total("/api/v1/opportunities?stale=true") > 0);
        assertTrue(http("GET", "/api/v1/reports/stale-opportunities", null).json().path("rows").size() > 0);
        assertTrue(http("GET", "/api/v1/reports/tasks-by-salesperson", null).json().path("totals").path("open")
                .asLong() > 0);

        Bundle demo = requiredBundle("org.opportune.demo");
        demo.stop();
        demo.start();
        Thread.sleep(3_000);
        assertEquals("a database with data is left alone", 300, total("/api/v1/opportunities"));
    }
}
