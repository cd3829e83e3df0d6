package org.opportune.rest.internal.http;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.annotation.Priority;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;

/**
 * Cross-origin requests from browser applications on the origins an administrator allowed, and from no other
 * (none by default). A preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) from an allowed
 * origin is answered before authentication, since a browser sends it without credentials; any other request is
 * authenticated as usual and its answer tells the browser it may read it. A preflight from any other origin is
 * just an unauthenticated request: 401, and the browser stops there.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class Cors implements ContainerRequestFilter, ContainerResponseFilter {
    static final String ORIGIN = "Origin";
    static final String REQUEST_METHOD = "Access-Control-Request-Method";
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
    static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
    static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
    static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";
    static final String MAX_AGE = "Access-Control-Max-Age";
    static final String METHODS = "GET, POST, PUT, PATCH, DELETE";
    static final String HEADERS = "Authorization, Content-Type, Accept, If-Match";
    static final String EXPOSED = "ETag, Location, WWW-Authenticate";

    /** scheme://host[:port], nothing after: what a browser sends as Origin. */
    private static final Pattern ORIGIN_FORMAT = Pattern.compile("https?://[^/?#@\\s]+");

    private final Set<String> allowed;
    private final long maxAgeSeconds;

    private Cors(Set<String> allowed, long maxAgeSeconds) {
        this.allowed = Set.copyOf(allowed);
        this.maxAgeSeconds = maxAgeSeconds;
    }

    /**
     * @param origins       the allowed origins, each entry also a comma-separated list
     * @param maxAgeSeconds how long a browser may keep a preflight's answer
     * @param invalid       told about every entry that is not an origin; that entry is left out
     */
    public static Cors allowing(Iterable<String> origins, long maxAgeSeconds, Consumer<String> invalid) {
        Set<String> allowed = new LinkedHashSet<>();
        if (origins != null) {
            for (String value : origins) {
                for (String entry : value == null ? new String[0] : value.split(",")) {
                    String origin = entry.trim().toLowerCase(Locale.ROOT);
                    if (origin.endsWith("/")) { // as copied from an address bar
                        origin = origin.substring(0, origin.length() - 1);
                    }
                    if (ORIGIN_FORMAT.matcher(origin).matches()) {
                        allowed.add(origin);
                    } else if (!origin.isEmpty()) {
                        invalid.accept(entry.trim());
                    }
                }
            }
        }
        return new Cors(allowed, Math.max(0, maxAgeSeconds));
    }

    public Set<String> allowedOrigins() {
        return allowed;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = allowedOrigin(request);
        if (origin != null && HttpMethod.OPTIONS.equals(request.getMethod())
                && request.getHeaderString(REQUEST_METHOD) != null) {
            request.abortWith(Response.noContent()
                    .header(ALLOW_METHODS, METHODS)
                    .header(ALLOW_HEADERS, HEADERS)
                    .header(MAX_AGE, Long.toString(maxAgeSeconds))
                    .build()); // the response filter adds the origin
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (allowed.isEmpty()) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.add("Vary", ORIGIN); // the answer differs by origin: caches must not mix them
        String origin = allowedOrigin(request);
        if (origin != null) {
            headers.putSingle(ALLOW_ORIGIN, origin);
            headers.putSingle(ALLOW_CREDENTIALS, "true");
            headers.putSingle(EXPOSE_HEADERS, EXPOSED);
        }
    }

    /** @return the request's Origin as sent, when it is an allowed one */
    private String allowedOrigin(ContainerRequestContext request) {
        String origin = request.getHeaderString(ORIGIN);
        return origin != null && allowed.contains(origin.trim().toLowerCase(Locale.ROOT)) ? origin.trim() : null;
    }
}
