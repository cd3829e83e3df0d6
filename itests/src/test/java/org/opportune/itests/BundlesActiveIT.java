package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.Test;
import org.osgi.framework.Bundle;

/** The distribution boots with every Opportune bundle active and the REST API answering on its port. */
public class BundlesActiveIT extends OpportuneTestSupport {

    static final List<String> EXPECTED_BUNDLES = List.of(
            "org.opportune.api",
            "org.opportune.persistence",
            "org.opportune.salespeople",
            "org.opportune.contacts",
            "org.opportune.cycles",
            "org.opportune.opportunities",
            "org.opportune.tasks",
            "org.opportune.rest",
            "org.opportune.shell");

    @Test
    public void everyOpportuneBundleIsActive() {
        Map<String, String> states = Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.opportune"))
                .collect(Collectors.toMap(Bundle::getSymbolicName, OpportuneTestSupport::stateName, (a, b) -> a + "," + b,
                        TreeMap::new));

        assertTrue("expected " + EXPECTED_BUNDLES + " among " + states.keySet(),
                states.keySet().containsAll(EXPECTED_BUNDLES));
        states.forEach((name, state) -> assertEquals(name + " in " + states, "ACTIVE", state));
    }

    @Test
    public void healthAnswersUpWithoutCredentials() {
        Response health = httpWithoutCredentials("GET", "/api/v1/health", null);

        assertEquals(health.body(), 200, health.status());
        assertEquals("UP", health.json().path("status").asText());
    }

    @Test
    public void endpointsRefuseRequestsWithoutCredentials() {
        Response salespeople = httpWithoutCredentials("GET", "/api/v1/salespeople", null);

        assertEquals(salespeople.body(), 401, salespeople.status());
        assertTrue("WWW-Authenticate: " + salespeople.header("WWW-Authenticate"),
                salespeople.header("WWW-Authenticate").startsWith("Basic"));
    }

    @Test
    public void endpointsAnswerTheShippedAdmin() {
        Response salespeople = http("GET", "/api/v1/salespeople", null);

        assertEquals(salespeople.body(), 200, salespeople.status());
        assertTrue(salespeople.body(), salespeople.json().has("items"));
    }

    @Test
    public void shellCommandsAreInstalledWithTheShell() {
        String help = executeCommand("help salesperson");

        assertTrue(help, help.contains("salesperson:"));
    }
}
