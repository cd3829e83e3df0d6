package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.opportune.itests.OpportuneTestSupport.basicAuthorization;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.opportune.itests.OpportuneTestSupport.Response;
import org.opportune.itests.distribution.FreshDistribution;
import org.opportune.itests.distribution.KarafDistribution;

/**
 * The distribution as an administrator runs it: unpacked, started with bin/karaf, stopped with bin/stop, started
 * again. Data written through the REST API survives the restart (embedded Derby under data/).
 * <p>
 * Also prints the figures of each start: {@code STARTUP_MS} from process start to the first 200 on /api/v1/health,
 * {@code RSS_MB} the resident memory of the Karaf JVM at that moment.
 */
public class RestartPersistenceIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final String AUTHORIZATION = basicAuthorization(OpportuneTestSupport.ADMIN,
            OpportuneTestSupport.ADMIN_PASSWORD);

    @Rule
    public final FreshDistribution distribution = new FreshDistribution(
            Path.of(OpportuneTestSupport.requiredProperty("opportune.distribution")), "restart", 200);
    private KarafDistribution karaf;

    @Before
    public void unpacked() throws IOException {
        karaf = distribution.get();
        configure(karaf);
    }

    /** The database the distribution runs on: the shipped embedded Derby here. */
    protected void configure(KarafDistribution unpacked) throws IOException {
    }

    /** Where the data must be after the restart: under data/ for the embedded Derby. */
    protected void assertWhereTheDataLives(KarafDistribution restarted) {
        assertTrue("the database lives under data/", Files.isDirectory(restarted.derbyDatabase()));
    }

    @Test
    public void salespersonSurvivesRestart() throws Exception {
        start();
        assertEquals("a clean boot logs no ERROR", List.of(), karaf.errorLogLines());
        Response created = OpportuneTestSupport.send(karaf.baseUri(), "POST", "/api/v1/salespeople",
                "{\"code\":\"RESTART1\",\"name\":\"Survives Restarts\"}", AUTHORIZATION);
        assertEquals(created.body(), 201, created.status());

        karaf.stop(STOP_TIMEOUT);
        start();

        Response read = OpportuneTestSupport.send(karaf.baseUri(), "GET", "/api/v1/salespeople/RESTART1", null,
                AUTHORIZATION);
        assertEquals(read.body(), 200, read.status());
        assertEquals("Survives Restarts", read.json().path("name").asText());
        assertWhereTheDataLives(karaf);
    }

    /** Starts Karaf and prints the figures of the start for the issue notes. */
    private void start() throws IOException, InterruptedException {
        long startupMillis = karaf.start(START_TIMEOUT);
        System.out.println("STARTUP_MS=" + startupMillis + " RSS_MB="
                + KarafDistribution.residentMegabytes(karaf.javaProcess()));
    }
}
