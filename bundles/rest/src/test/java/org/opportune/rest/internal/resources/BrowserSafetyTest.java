package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import javax.ws.rs.core.Response;

import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.junit.Before;
import org.junit.Test;
import org.opportune.rest.internal.http.Cors;
import org.opportune.rest.internal.http.SecurityHeaders;
import org.opportune.rest.internal.render.SvgChart;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

/** The security headers on every answer, and cross-origin access off by default and as configured. */
public class BrowserSafetyTest {
    private static final String CRM = "https://crm.example.com";

    private final SalespersonResource resource = new SalespersonResource();
    private InProcessApi closed;
    private InProcessApi open;

    @Before
    public void setUp() {
        resource.salespeople = Views.listing();
        closed = new InProcessApi(resource);
        open = new InProcessApi(Cors.allowing(List.of(CRM), 300, invalid -> { }), resource);
    }

    @Test
    public void everyAnswerCarriesTheSecurityHeaders() {
        for (Reply reply : List.of(closed.get("salespeople"), closed.get("salespeople/NOBODY"),
                closed.request("GET", "salespeople").send(), closed.request("GET", "health").send())) {
            assertEquals(reply.toString(), "nosniff", reply.header("X-Content-Type-Options"));
            assertEquals(reply.toString(), "no-store", reply.header("Cache-Control"));
            assertEquals(reply.toString(), SecurityHeaders.DATA_POLICY, reply.header("Content-Security-Policy"));
        }
    }

    @Test
    public void svgChartsGetAPolicyThatRunsAndLoadsNothing() {
        ContainerRequest request = new ContainerRequest(InProcessApi.BASE, InProcessApi.BASE.resolve("reports/x"),
                "GET", null, new MapPropertiesDelegate(), null);
        ContainerResponse chart = new ContainerResponse(request,
                Response.ok("<svg/>").type(SvgChart.MEDIA_TYPE).header("Cache-Control", "private").build());

        new SecurityHeaders().filter(request, chart);

        assertEquals(SecurityHeaders.SVG_POLICY, chart.getHeaderString("Content-Security-Policy"));
        assertTrue(SecurityHeaders.SVG_POLICY.contains("sandbox"));
        assertEquals("nosniff", chart.getHeaderString("X-Content-Type-Options"));
        assertEquals("a resource's own caching rule is kept", "private", chart.getHeaderString("Cache-Control"));
    }

    @Test
    public void withoutConfigurationAPreflightIsJustAnUnauthenticatedRequest() {
        Reply preflight = preflight(closed, CRM);

        assertEquals(preflight.toString(), 401, preflight.status());
        assertNull(preflight.header("Access-Control-Allow-Origin"));
        Reply read = closed.request("GET", "salespeople").as(InProcessApi.ADMIN).header("Origin", CRM).send();
        assertEquals(200, read.status());
        assertNull(read.header("Access-Control-Allow-Origin"));
    }

    @Test
    public void aPreflightFromAnAllowedOriginPassesWithoutCredentials() {
        Reply preflight = preflight(open, CRM);

        assertEquals(preflight.toString(), 204, preflight.status());
        assertEquals(CRM, preflight.header("Access-Control-Allow-Origin"));
        assertEquals("true", preflight.header("Access-Control-Allow-Credentials"));
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("PATCH"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("If-Match"));
        assertEquals("300", preflight.header("Access-Control-Max-Age"));
        assertEquals("no-store", preflight.header("Cache-Control"));
    }

    @Test
    public void answersToAnAllowedOriginMayBeReadOthersNot() {
        Reply allowed = open.request("GET", "salespeople").as(InProcessApi.ADMIN).header("Origin", CRM).send();
        assertEquals(200, allowed.status());
        assertEquals(CRM, allowed.header("Access-Control-Allow-Origin"));
        assertTrue(allowed.header("Access-Control-Expose-Headers").contains("ETag"));
        assertEquals("Origin", allowed.header("Vary"));

        Reply unauthenticated = open.request("GET", "salespeople").header("Origin", CRM).send();
        assertEquals(401, unauthenticated.status());
        assertEquals("the browser may read the 401", CRM, unauthenticated.header("Access-Control-Allow-Origin"));

        Reply stranger = open.request("GET", "salespeople").as(InProcessApi.ADMIN)
                .header("Origin", "https://evil.example").send();
        assertEquals(200, stranger.status());
        assertNull(stranger.header("Access-Control-Allow-Origin"));
        assertEquals(401, preflight(open, "https://evil.example").status());
    }

    private static Reply preflight(InProcessApi api, String origin) {
        return api.request("OPTIONS", "salespeople").header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type").send();
    }
}
