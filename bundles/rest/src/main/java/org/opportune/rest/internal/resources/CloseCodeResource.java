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
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeQuery;
import org.opportune.api.cycle.CloseOpportunityCodeService;
import org.opportune.api.cycle.CloseOpportunityCodeType;
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

/** {@code /close-codes}: translates HTTP to {@link CloseOpportunityCodeService}; the rules live there. */
@Component(service = CloseCodeResource.class, property = RestWhiteboard.RESOURCE)
@Path("close-codes")
@Produces(MediaType.APPLICATION_JSON)
public class CloseCodeResource {

    /** Optional and dynamic: without the cycles module these endpoints answer 503, and recover with it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile CloseOpportunityCodeService closeCodes;

    @GET
    @Parameter(name = "type", in = ParameterIn.QUERY, description = "WON or LOST",
            schema = @Schema(implementation = CloseOpportunityCodeType.class))
    public Page<CloseOpportunityCode> list(@Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.forList(uri, "type");
        CloseOpportunityCodeQuery query = new CloseOpportunityCodeQuery(null,
                parameters.enumValue("type", CloseOpportunityCodeType.class));
        return service().list(query, Paging.from(parameters));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201", description = "Created; Location and ETag name it",
            content = @Content(schema = @Schema(implementation = CloseOpportunityCode.class)))
    public Response create(CloseOpportunityCode closeCode, @Context UriInfo uri) {
        QueryParameters.only(uri);
        CloseOpportunityCode created = service().create(RequestBody.required(closeCode));
        return Responses.created(uri.getAbsolutePathBuilder().segment(created.code()).build(), created,
                created.version());
    }

    @GET
    @Path("{code}")
    @ApiResponse(responseCode = "200", description = "The record; ETag is its version",
            content = @Content(schema = @Schema(implementation = CloseOpportunityCode.class)))
    public Response get(@PathParam("code") String code, @Context UriInfo uri) {
        QueryParameters.only(uri);
        CloseOpportunityCode closeCode = service().get(code);
        return Responses.ok(closeCode, closeCode.version());
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(schema = @Schema(implementation = CloseOpportunityCode.class)))
    public Response replace(@PathParam("code") String code, CloseOpportunityCode closeCode,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri) {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        CloseOpportunityCode updated = service().update(code, RequestBody.required(closeCode),
                precondition.expectedVersion());
        return Responses.ok(updated, updated.version());
    }

    @PATCH
    @Path("{code}")
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @ApiResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(schema = @Schema(implementation = CloseOpportunityCode.class)))
    public Response patch(@PathParam("code") String code, JsonNode patch,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri, @Context Providers providers)
            throws JsonProcessingException {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        CloseOpportunityCodeService service = service();
        CloseOpportunityCode current = service.get(code);
        CloseOpportunityCode merged = MergePatcher.using(providers).apply(current, patch, CloseOpportunityCode.class);
        CloseOpportunityCode updated = service.update(code, merged, precondition.expectedVersionOr(current.version()));
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

    private CloseOpportunityCodeService service() {
        CloseOpportunityCodeService service = closeCodes;
        if (service == null) {
            throw new UnavailableException("the cycles module is not available");
        }
        return service;
    }
}
