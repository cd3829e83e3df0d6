package org.opportune.rest.internal.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.Test;

public class CorsTest {
    private final List<String> invalid = new ArrayList<>();

    @Test
    public void offUnlessConfigured() {
        assertTrue(Cors.allowing(List.of(), 600, invalid::add).allowedOrigins().isEmpty());
        assertTrue(Cors.allowing(null, 600, invalid::add).allowedOrigins().isEmpty());
        assertTrue(invalid.isEmpty());
    }

    @Test
    public void originsAreSchemeHostAndPortCompared() {
        Cors cors = Cors.allowing(List.of("https://CRM.example.com/, http://localhost:3000", "https://b.example"),
                600, invalid::add);

        assertEquals(Set.of("https://crm.example.com", "http://localhost:3000", "https://b.example"),
                cors.allowedOrigins());
        assertTrue(invalid.isEmpty());
    }

    @Test
    public void wildcardsPathsAndOtherSchemesAreLeftOutAndReported() {
        Cors cors = Cors.allowing(List.of("*, https://ok.example, https://a.example/app, ftp://f.example, null, "
                + "https://user@x.example"), 600, invalid::add);

        assertEquals(Set.of("https://ok.example"), cors.allowedOrigins());
        assertEquals(List.of("*", "https://a.example/app", "ftp://f.example", "null", "https://user@x.example"),
                invalid);
    }
}
