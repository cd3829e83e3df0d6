package org.opportune.rest.internal.http;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;

import org.opportune.rest.internal.render.SvgChart;

/**
 * The headers that keep a browser from misusing an answer, on every answer of the API (errors too): no type
 * sniffing, no caching of what was answered to one user, no framing, and for SVG charts a policy that runs no
 * script and loads nothing, so a chart opened on its own cannot act for the user who opened it.
 */
public final class SecurityHeaders implements ContainerResponseFilter {
    public static final String NO_SNIFF = "nosniff";
    public static final String NO_STORE = "no-store";
    /** JSON, CSV and problem documents: nothing to load, never in a frame. */
    public static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /** SVG can hold scripts and links: none run, nothing loads, a unique origin. */
    public static final String SVG_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    private static final MediaType SVG = MediaType.valueOf(SvgChart.MEDIA_TYPE);

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", NO_SNIFF);
        if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
        }
        MediaType type = response.getMediaType();
        boolean svg = type != null && type.isCompatible(SVG);
        headers.putSingle("Content-Security-Policy", svg ? SVG_POLICY : DATA_POLICY);
    }
}
