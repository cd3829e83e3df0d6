package org.opportune.rest.internal.resources;

import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.Providers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.opportune.rest.internal.dto.CodedJson;
import org.opportune.rest.internal.dto.Page;
import org.opportune.rest.internal.dto.ServerOwned;
import org.opportune.rest.internal.http.IfMatch;
import org.opportune.rest.internal.http.MediaTypes;
import org.opportune.rest.internal.http.QueryParameters;
import org.opportune.rest.internal.http.RequestBody;
import org.opportune.rest.internal.http.Responses;
import org.opportune.rest.internal.json.MergePatcher;

/**
 * The endpoints every record kept under a code answers alike (salespeople, sales cycles, close codes):
 * {@code POST /things} and {@code GET}, {@code PUT}, {@code PATCH}, {@code DELETE /things/{code}}, each one
 * call of the record's service ({@link #service()}). A resource adds its list (its filters differ) and what
 * else it has.
 * <p>
 * A body may carry the fields the server owns only as they are (docs/API.md): on create not at all, on a
 * change as read. The Java API takes none of them, so PUT and PATCH read the record first: an If-Match naming
 * another version is a 412, a server-owned field or code with another value a 400 naming each; then the
 * service gets the version the client read (If-Match, else the body's {@code version}; PATCH: the version just
 * read), so that a change made meanwhile is a 412 too.
 *
 * @param <V> the service's view of the record, e.g. {@code Salesperson}
 * @param <X> the values the service takes, e.g. {@code SalespersonValues}
 * @param <D> the record's JSON, answered and sent back
 */
public abstract class CodedResource<V, X, D extends CodedJson<D>> {
    private final String resource;
    private final Class<D> type;
    private final Function<V, D> json;
    private final Function<D, X> values;

    /**
     * @param resource the kind of record, as the services name it in messages, e.g. {@code salesperson}
     * @param type     the JSON record, which a merge patch is bound to
     * @param json     the JSON of a record
     * @param values   the values of a body, as the service takes them
     */
    protected CodedResource(String resource, Class<D> type, Function<V, D> json, Function<D, X> values) {
        this.resource = resource;
        this.type = type;
        this.json = json;
        this.values = values;
    }

    /**
     * The OpenAPI document gives the 201, and the 200 of PUT and PATCH, the schema {@code GET} answers (see
     * OpenApiDocument): swagger resolves {@code D} of this class's methods that have up to two parameters only.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201", description = "Created; Location and ETag name it")
    public Response create(D body, @Context UriInfo uri) {
        QueryParameters.only(uri);
        D given = RequestBody.required(body);
        ServerOwned owned = new ServerOwned();
        refuseServerOwned(given, owned);
        owned.throwIfAny();
        D created = json.apply(service().create().apply(given.code(), values.apply(given)));
        return Responses.created(uri.getAbsolutePathBuilder().segment(created.code()).build(), created);
    }

    @GET
    @Path("{code}")
    @ApiResponse(responseCode = "200", description = "The record; ETag is its version", useReturnTypeSchema = true)
    public D get(@PathParam("code") String code, @Context UriInfo uri) {
        QueryParameters.only(uri);
        return json.apply(service().get().apply(code));
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "Replaced; ETag is the new version")
    public D replace(@PathParam("code") String code, D body, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Context UriInfo uri) {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        D given = RequestBody.required(body);
        D current = json.apply(service().get().apply(code));
        return changed(code, given, current, precondition.expectedVersionOr(given.version()), precondition);
    }

    @PATCH
    @Path("{code}")
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @ApiResponse(responseCode = "200", description = "Changed; ETag is the new version")
    public D patch(@PathParam("code") String code, JsonNode patch, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Context UriInfo uri, @Context Providers providers) throws JsonProcessingException {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        D current = json.apply(service().get().apply(code));
        D merged = patched(MergePatcher.using(providers).apply(patchable(current), patch, type), patch);
        return changed(code, merged, current, precondition.expectedVersionOr(current.version()), precondition);
    }

    @DELETE
    @Path("{code}")
    @ApiResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("code") String code, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Context UriInfo uri) {
        QueryParameters.only(uri);
        service().delete().accept(code, IfMatch.parse(ifMatch).expectedVersion());
        return Responses.noContent();
    }

    /** @return a page of the service's list, as JSON */
    protected Page<D> page(org.opportune.api.Page<V> page) {
        return Page.of(page, json);
    }

    private D changed(String code, D body, D current, Long expectedVersion, IfMatch precondition) {
        precondition.requireCurrent(current.version(), resource, current.code());
        ServerOwned owned = new ServerOwned().key("code", body.code(), current.code());
        refuseChanged(body, current, owned);
        owned.throwIfAny();
        return json.apply(service().update().apply(code, values.apply(body), expectedVersion));
    }

    /**
     * @return the calls of the record's service, e.g. {@code new Calls<>(s::get, s::create, s::update, s::delete)}
     * @throws org.opportune.api.UnavailableException its module is not running
     */
    protected abstract Calls<V, X> service();

    /** Adds an error for each server-owned field a body for a new record sets. */
    protected void refuseServerOwned(D body, ServerOwned owned) {
        body.refuseServerOwned(owned);
    }

    /** Adds an error for each server-owned field a change's body gives with another value than the record has. */
    protected void refuseChanged(D body, D current, ServerOwned owned) {
        body.refuseChanged(current, owned);
    }

    /** @return the record as a merge patch starts from it */
    protected D patchable(D current) {
        return current;
    }

    /** @return the record as the merge patch left it, before it is checked and sent */
    protected D patched(D merged, JsonNode patch) {
        return merged;
    }

    /** The calls the endpoints make of a record's service; each service has them, under the same names. */
    protected record Calls<V, X>(Function<String, V> get, BiFunction<String, X, V> create, Update<V, X> update,
            BiConsumer<String, Long> delete) {
    }

    /** {@code update(code, values, expectedVersion)}. */
    @FunctionalInterface
    protected interface Update<V, X> {
        V apply(String code, X values, Long expectedVersion);
    }
}
