package org.opportune.rest.internal.security;

import static org.opportune.api.caller.Roles.OPPORTUNE_ADMIN;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.HttpMethod;

import org.opportune.api.caller.Roles;

/**
 * The one place that says who may call each built-in endpoint (DOMAIN §12): which of Opportune's roles, by HTTP
 * method and path template. {@link Authorization} enforces it after matching, the OpenAPI document shows it.
 * The services check the finer rules themselves (a salesperson's own records). HEAD is allowed as GET is.
 */
public final class AccessPolicy {
    /** Reading: every Opportune role. */
    public static final List<String> EVERYONE = Roles.ALL;
    /** Setup and the audit log. */
    public static final List<String> ADMIN = List.of(OPPORTUNE_ADMIN);
    /** Working on contacts and opportunities (a salesperson on its own, as the services check). */
    public static final List<String> SALES = Roles.SELLING;
    /** Deleting contacts and opportunities. */
    public static final List<String> MANAGERS = Roles.CHANGING_EVERYTHING;

    private final Map<Endpoint, Access> rules = new LinkedHashMap<>();

    public AccessPolicy() {
        open("GET /health");
        allow(EVERYONE, "GET /me", "GET /extensions", "GET /openapi.{format}");
        allow(ADMIN, "GET /audit");

        allow(EVERYONE, "GET /salespeople", "GET /salespeople/{code}", "GET /salespeople/{code}/statistics");
        allow(ADMIN, "POST /salespeople", "PUT /salespeople/{code}", "PATCH /salespeople/{code}",
                "DELETE /salespeople/{code}");

        allow(EVERYONE, "GET /sales-cycles", "GET /sales-cycles/{code}", "GET /sales-cycles/{code}/statistics",
                "GET /sales-cycles/{code}/stages", "GET /sales-cycles/{code}/stages/{stage}");
        allow(ADMIN, "POST /sales-cycles", "PUT /sales-cycles/{code}", "PATCH /sales-cycles/{code}",
                "DELETE /sales-cycles/{code}", "POST /sales-cycles/{code}/stages",
                "PUT /sales-cycles/{code}/stages/{stage}", "PATCH /sales-cycles/{code}/stages/{stage}",
                "DELETE /sales-cycles/{code}/stages/{stage}");

        allow(EVERYONE, "GET /close-codes", "GET /close-codes/{code}");
        allow(ADMIN, "POST /close-codes", "PUT /close-codes/{code}", "PATCH /close-codes/{code}",
                "DELETE /close-codes/{code}");

        allow(EVERYONE, "GET /activities", "GET /activities/{code}");
        allow(ADMIN, "POST /activities", "PUT /activities/{code}", "PATCH /activities/{code}",
                "DELETE /activities/{code}", "POST /activities/{code}/steps", "DELETE /activities/{code}/steps/{step}");

        allow(EVERYONE, "GET /contacts", "GET /contacts/{no}", "GET /contacts/{no}/statistics");
        allow(SALES, "POST /contacts", "PUT /contacts/{no}", "PATCH /contacts/{no}");
        allow(MANAGERS, "DELETE /contacts/{no}");

        allow(EVERYONE, "GET /opportunities", "GET /opportunities/{no}", "GET /opportunities/{no}/entries",
                "GET /opportunities/{no}/statistics", "GET /opportunities/{no}/updates/options",
                "GET /opportunities/{no}/tasks");
        allow(SALES, "POST /opportunities", "PUT /opportunities/{no}", "PATCH /opportunities/{no}",
                "POST /opportunities/{no}/activate", "POST /opportunities/{no}/updates",
                "POST /opportunities/{no}/close", "PUT /opportunities/{no}/sales-quote",
                "DELETE /opportunities/{no}/sales-quote");
        // only managers delete, but a salesperson is let through for the service to answer: 403 for its own
        // opportunity, 404 for another's, which must not learn that it exists
        allow(SALES, "DELETE /opportunities/{no}");

        // a salesperson works on its own tasks only, as the service checks (another's is missing: 404)
        allow(EVERYONE, "GET /tasks", "GET /tasks/{no}");
        allow(SALES, "POST /tasks", "PUT /tasks/{no}", "PATCH /tasks/{no}", "POST /tasks/{no}/complete",
                "POST /tasks/{no}/cancel");

        allow(EVERYONE, "GET /reports", "GET /reports/{id}");
    }

    /**
     * @param method   the request's method; HEAD is looked up as GET
     * @param template the matched template, as {@link Endpoint#template} gives it
     * @return who may call it, empty when the table does not declare it
     */
    public Optional<Access> of(String method, String template) {
        String looked = HttpMethod.HEAD.equalsIgnoreCase(method) ? HttpMethod.GET : method;
        return Optional.ofNullable(rules.get(new Endpoint(looked, template)));
    }

    /** The table, in the order declared. */
    public Map<Endpoint, Access> rules() {
        return Collections.unmodifiableMap(rules);
    }

    private void open(String endpoint) {
        rules.put(Endpoint.parse(endpoint), Access.OPEN);
    }

    private void allow(List<String> roles, String... endpoints) {
        for (String endpoint : endpoints) {
            if (rules.put(Endpoint.parse(endpoint), Access.roles(roles)) != null) {
                throw new IllegalStateException("declared twice: " + endpoint);
            }
        }
    }
}
