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
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonQuery;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.opportune.api.statistics.SalespersonStatistics;
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

/** {@code /salespeople}: translates HTTP to {@link SalespersonService}; the rules live there. */
@Component(service = SalespersonResource.class, property = RestWhiteboard.RESOURCE)
@Path("salespeople")
@Produces(MediaType.APPLICATION_JSON)
public class SalespersonResource {

    /** Optional and dynamic: without the salespeople module these endpoints answer 503, and recover with it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SalespersonService salespeople;

    /** Optional and dynamic: the statistics come from the opportunities module. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OpportunityStatisticsService statistics;

    @GET
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "code or name contains (any case)",
            schema = @Schema(type = "string"))
    @Parameter(name = "blocked", in = ParameterIn.QUERY, description = "true or false",
            schema = @Schema(type = "boolean"))
    public Page<Salesperson> list(@Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.forList(uri, "q", "blocked");
        SalespersonQuery query = new SalespersonQuery(parameters.text("q"), parameters.bool("blocked"));
        return service().list(query, Paging.from(parameters));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201", description = "Created; Location and ETag name it",
            content = @Content(schema = @Schema(implementation = Salesperson.class)))
    public Response create(Salesperson salesperson, @Context UriInfo uri) {
        QueryParameters.only(uri);
        Salesperson created = service().create(RequestBody.required(salesperson));
        return Responses.created(uri.getAbsolutePathBuilder().segment(created.code()).build(), created,
                created.version());
    }

    @GET
    @Path("{code}")
    @ApiResponse(responseCode = "200", description = "The record; ETag is its version",
            content = @Content(schema = @Schema(implementation = Salesperson.class)))
    public Response get(@PathParam("code") String code, @Context UriInfo uri) {
        QueryParameters.only(uri);
        Salesperson salesperson = service().get(code);
        return Responses.ok(salesperson, salesperson.version());
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(schema = @Schema(implementation = Salesperson.class)))
    public Response replace(@PathParam("code") String code, Salesperson salesperson,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri) {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        Salesperson updated = service().update(code, RequestBody.required(salesperson),
                precondition.expectedVersion());
        return Responses.ok(updated, updated.version());
    }

    @PATCH
    @Path("{code}")
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @ApiResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(schema = @Schema(implementation = Salesperson.class)))
    public Response patch(@PathParam("code") String code, JsonNode patch,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri, @Context Providers providers)
            throws JsonProcessingException {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        SalespersonService service = service();
        Salesperson current = service.get(code);
        Salesperson merged = MergePatcher.using(providers).apply(current, patch, Salesperson.class);
        Salesperson updated = service.update(code, merged, precondition.expectedVersionOr(current.version()));
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

    /** DOMAIN §8: count and sums over the salesperson's opportunities, closed ones included, with averages. */
    @GET
    @Path("{code}/statistics")
    public SalespersonStatistics statistics(@PathParam("code") String code, @Context UriInfo uri) {
        QueryParameters.only(uri);
        return StatisticsModule.available(statistics).salesperson(code);
    }

    private SalespersonService service() {
        SalespersonService service = salespeople;
        if (service == null) {
            throw new UnavailableException("the salespeople module is not available");
        }
        return service;
    }
}
