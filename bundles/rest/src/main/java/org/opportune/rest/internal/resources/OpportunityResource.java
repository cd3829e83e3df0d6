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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.opportune.api.Page;
import org.opportune.api.RestWhiteboard;
import org.opportune.api.UnavailableException;
import org.opportune.api.opportunity.Closing;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.opportunity.UpdateOptions;
import org.opportune.api.statistics.OpportunityStatistics;
import org.opportune.api.statistics.OpportunityStatisticsService;
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
 * {@code /opportunities/{no}}: one opportunity, read, replaced, patched or deleted, and its actions
 * (DOMAIN §5): activate, update through the cycle (and its dry run), close, the sales quote link,
 * and the entry history. Each action is one transaction of {@link OpportunityService}, honours
 * {@code If-Match} and answers the updated opportunity with its ETag. The collection is
 * {@link OpportunitiesResource}.
 */
@Component(service = OpportunityResource.class, property = RestWhiteboard.RESOURCE)
@Path("opportunities/{no}")
@Produces(MediaType.APPLICATION_JSON)
public class OpportunityResource {

    /** Optional and dynamic: without the opportunities module these endpoints answer 503, and recover with it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OpportunityService opportunities;

    /** Optional and dynamic: the statistics come from the opportunities module. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OpportunityStatisticsService statistics;

    @GET
    @ApiResponse(responseCode = "200", description = "The record; ETag is its version",
            content = @Content(schema = @Schema(implementation = Opportunity.class)))
    public Response get(@PathParam("no") String no, @Context UriInfo uri) {
        QueryParameters.only(uri);
        Opportunity opportunity = service().get(no);
        return Responses.ok(opportunity, opportunity.version());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(schema = @Schema(implementation = Opportunity.class)))
    public Response replace(@PathParam("no") String no, OpportunityBody opportunity,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri) {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        OpportunityService service = service();
        Opportunity updated = service.update(no, RequestBody.required(opportunity).toChange(() -> service.get(no)),
                precondition.expectedVersion());
        return Responses.ok(updated, updated.version());
    }

    @PATCH
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @ApiResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(schema = @Schema(implementation = Opportunity.class)))
    public Response patch(@PathParam("no") String no, JsonNode patch, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Context UriInfo uri, @Context Providers providers) throws JsonProcessingException {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        OpportunityService service = service();
        Opportunity current = service.get(no);
        OpportunityBody merged = MergePatcher.using(providers).apply(OpportunityBody.of(current), patch,
                OpportunityBody.class);
        Opportunity updated = service.update(no, merged.toChange(() -> current),
                precondition.expectedVersionOr(current.version()));
        return Responses.ok(updated, updated.version());
    }

    /** Deletes a not-started or closed opportunity with its entries; one in progress is a 409. */
    @DELETE
    @ApiResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("no") String no, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Context UriInfo uri) {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        service().delete(no, precondition.expectedVersion());
        return Responses.noContent();
    }

    /** "Activate first stage"; the body ({@code dateOfChange}) may be left out. */
    @POST
    @Path("activate")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "Started at the first stage; ETag is the new version",
            content = @Content(schema = @Schema(implementation = Opportunity.class)))
    public Response activate(@PathParam("no") String no, ActivateBody body,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri) {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        return updated(service().activate(no, body == null ? null : body.dateOfChange(),
                precondition.expectedVersion()));
    }

    @POST
    @Path("updates")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "Moved; ETag is the new version",
            content = @Content(schema = @Schema(implementation = Opportunity.class)))
    public Response update(@PathParam("no") String no, StageUpdate update,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri) {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        return updated(service().move(no, RequestBody.required(update), precondition.expectedVersion()));
    }

    /** The dry run of every action; the ETag is the version the options were computed for. */
    @GET
    @Path("updates/options")
    @ApiResponse(responseCode = "200",
            description = "What each action can do now, with its candidate stages and defaults (nothing is written)",
            content = @Content(schema = @Schema(implementation = UpdateOptions.class)))
    public Response updateOptions(@PathParam("no") String no, @Context UriInfo uri) {
        QueryParameters.only(uri);
        UpdateOptions options = service().updateOptions(no);
        return Responses.ok(options, options.version());
    }

    @POST
    @Path("close")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "Closed as won or lost; ETag is the new version",
            content = @Content(schema = @Schema(implementation = Opportunity.class)))
    public Response close(@PathParam("no") String no, Closing closing, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Context UriInfo uri) {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        return updated(service().close(no, RequestBody.required(closing), precondition.expectedVersion()));
    }

    /** Links a quote, replacing the one linked before. */
    @PUT
    @Path("sales-quote")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "The quote is linked; ETag is the new version",
            content = @Content(schema = @Schema(implementation = Opportunity.class)))
    public Response assignSalesQuote(@PathParam("no") String no, SalesQuote quote,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri) {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        return updated(service().assignSalesQuote(no, RequestBody.required(quote), precondition.expectedVersion()));
    }

    /** Removes the quote link; 200 with the opportunity, as every action (its version changes). */
    @DELETE
    @Path("sales-quote")
    @ApiResponse(responseCode = "200", description = "The quote is unlinked; ETag is the new version",
            content = @Content(schema = @Schema(implementation = Opportunity.class)))
    public Response removeSalesQuote(@PathParam("no") String no, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Context UriInfo uri) {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        return updated(service().removeSalesQuote(no, precondition.expectedVersion()));
    }

    /** The history, oldest first unless sorted otherwise. */
    @GET
    @Path("entries")
    public Page<OpportunityEntry> entries(@PathParam("no") String no, @Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.forList(uri);
        return service().entries(no, Paging.from(parameters));
    }

    /** The opportunity's own figures: current values, entries, days open and days per stage. */
    @GET
    @Path("statistics")
    public OpportunityStatistics statistics(@PathParam("no") String no, @Context UriInfo uri) {
        QueryParameters.only(uri);
        return StatisticsModule.available(statistics).opportunity(no);
    }

    private static Response updated(Opportunity opportunity) {
        return Responses.ok(opportunity, opportunity.version());
    }

    private OpportunityService service() {
        OpportunityService service = opportunities;
        if (service == null) {
            throw new UnavailableException("the opportunities module is not available");
        }
        return service;
    }
}
