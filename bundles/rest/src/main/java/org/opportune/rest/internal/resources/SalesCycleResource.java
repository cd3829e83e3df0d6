package org.opportune.rest.internal.resources;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.Providers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.opportune.api.Page;
import org.opportune.api.RestWhiteboard;
import org.opportune.api.UnavailableException;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleQuery;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.opportune.api.statistics.SalesCycleStatistics;
import org.opportune.rest.internal.http.IfMatch;
import org.opportune.rest.internal.http.MediaTypes;
import org.opportune.rest.internal.http.Paging;
import org.opportune.rest.internal.http.QueryParameters;
import org.opportune.rest.internal.http.RequestBody;
import org.opportune.rest.internal.http.Responses;
import org.opportune.rest.internal.json.MergePatcher;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code /sales-cycles}: translates HTTP to {@link SalesCycleService}; the rules live there. The
 * stages one by one are {@link SalesCycleStageResource}.
 */
@Component(service = SalesCycleResource.class, property = RestWhiteboard.RESOURCE)
@Path("sales-cycles")
@Produces(MediaType.APPLICATION_JSON)
public class SalesCycleResource {

    /** Optional and dynamic: without the cycles module these endpoints answer 503, and recover with it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SalesCycleService cycles;

    /** Optional and dynamic: the statistics come from the opportunities module. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OpportunityStatisticsService statistics;

    @GET
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "code or description contains (any case)",
            schema = @Schema(type = "string"))
    @Parameter(name = "blocked", in = ParameterIn.QUERY, description = "true or false",
            schema = @Schema(type = "boolean"))
    public Page<SalesCycle> list(@Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.forList(uri, "q", "blocked");
        SalesCycleQuery query = new SalesCycleQuery(parameters.text("q"), parameters.bool("blocked"));
        return service().list(query, Paging.from(parameters));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201", description = "Created; Location and ETag name it",
            content = @Content(schema = @Schema(implementation = SalesCycle.class)))
    public Response create(SalesCycleBody cycle, @Context UriInfo uri) {
        QueryParameters.only(uri);
        SalesCycleService service = service();
        SalesCycle created = service.create(RequestBody.required(cycle).toCycle(service));
        return Responses.created(uri.getAbsolutePathBuilder().segment(created.code()).build(), created,
                created.version());
    }

    @GET
    @Path("{code}")
    @ApiResponse(responseCode = "200", description = "The record; ETag is its version",
            content = @Content(schema = @Schema(implementation = SalesCycle.class)))
    public Response get(@PathParam("code") String code, @Context UriInfo uri) {
        QueryParameters.only(uri);
        SalesCycle cycle = service().get(code);
        return Responses.ok(cycle, cycle.version());
    }

    /** Replaces the cycle; its stages too when the body has {@code stages}, else they are kept. */
    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(schema = @Schema(implementation = SalesCycle.class)))
    public Response replace(@PathParam("code") String code, SalesCycleBody cycle,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri) {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        SalesCycleService service = service();
        SalesCycle updated = service.update(code, RequestBody.required(cycle).toCycle(service),
                precondition.expectedVersion());
        return Responses.ok(updated, updated.version());
    }

    @PATCH
    @Path("{code}")
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @ApiResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(schema = @Schema(implementation = SalesCycle.class)))
    public Response patch(@PathParam("code") String code, JsonNode patch,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri, @Context Providers providers)
            throws JsonProcessingException {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        SalesCycleService service = service();
        SalesCycle current = service.get(code);
        SalesCycleBody merged = MergePatcher.using(providers).apply(SalesCycleBody.of(current), patch,
                SalesCycleBody.class);
        if (!patch.has("stages")) {
            merged = merged.withStages(null); // keep them as stored, not as read a moment ago
        }
        SalesCycle updated = service.update(code, merged.toCycle(service),
                precondition.expectedVersionOr(current.version()));
        return Responses.ok(updated, updated.version());
    }

    @DELETE
    @Path("{code}")
    @ApiResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("code") String code, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Context UriInfo uri) {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        service().delete(code, precondition.expectedVersion());
        return Responses.noContent();
    }

    /** DOMAIN §8: the open opportunities per stage with average days and the total row, now or as of a day. */
    @GET
    @Path("{code}/statistics")
    @Parameter(name = "estimatedCloseDateFrom", in = ParameterIn.QUERY,
            description = "only opportunities closing on or after",
            schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "estimatedCloseDateTo", in = ParameterIn.QUERY,
            description = "only opportunities closing on or before",
            schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "asOf", in = ParameterIn.QUERY,
            description = "the figures as they were at the end of that day, from the history",
            schema = @Schema(type = "string", format = "date"))
    public SalesCycleStatistics statistics(@PathParam("code") String code, @Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.only(uri, "estimatedCloseDateFrom", "estimatedCloseDateTo",
                "asOf");
        return StatisticsModule.available(statistics).salesCycle(code, parameters.date("estimatedCloseDateFrom"),
                parameters.date("estimatedCloseDateTo"), parameters.date("asOf"));
    }

    private SalesCycleService service() {
        SalesCycleService service = cycles;
        if (service == null) {
            throw new UnavailableException("the cycles module is not available");
        }
        return service;
    }
}
