package org.opportune.rest.internal.resources;

import java.util.function.Function;

import javax.ws.rs.GET;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.PageRequest;
import org.opportune.rest.internal.dto.CodedJson;
import org.opportune.rest.internal.dto.Page;
import org.opportune.rest.internal.http.Paging;
import org.opportune.rest.internal.http.QueryParameters;

/**
 * A {@link CodedResource} whose list is filtered by {@code q} (the code or the name contains it, in any case)
 * and {@code blocked}: salespeople and sales cycles.
 */
public abstract class TextAndBlockedResource<V, X, D extends CodedJson<D>> extends CodedResource<V, X, D> {

    protected TextAndBlockedResource(String resource, Class<D> type, Function<V, D> json, Function<D, X> values) {
        super(resource, type, json, values);
    }

    @GET
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "code or name (a cycle's description) contains,"
            + " in any case", schema = @Schema(type = "string"))
    @Parameter(name = "blocked", in = ParameterIn.QUERY, description = "true or false",
            schema = @Schema(type = "boolean"))
    public Page<D> list(@Context UriInfo uri) {
        QueryParameters filters = QueryParameters.forList(uri, "q", "blocked");
        return page(listed(filters.text("q"), filters.bool("blocked"), Paging.from(filters)));
    }

    /**
     * @param text    the code or name contains it, null for any
     * @param blocked only blocked or only not blocked records, null for both
     * @return the service's page
     */
    protected abstract org.opportune.api.Page<V> listed(String text, Boolean blocked, PageRequest page);
}
