package org.opportune.rest.internal.resources;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

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
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.opportune.api.RestWhiteboard;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.opportune.api.task.TaskQuery;
import org.opportune.api.task.TaskService;
import org.opportune.api.task.TaskStatus;
import org.opportune.rest.internal.dto.ActivateBody;
import org.opportune.rest.internal.dto.ClosingDto;
import org.opportune.rest.internal.dto.EntryDto;
import org.opportune.rest.internal.dto.OpportunityBody;
import org.opportune.rest.internal.dto.OpportunityDto;
import org.opportune.rest.internal.dto.OpportunityStatisticsDto;
import org.opportune.rest.internal.dto.Page;
import org.opportune.rest.internal.dto.SalesQuoteDto;
import org.opportune.rest.internal.dto.ServerOwned;
import org.opportune.rest.internal.dto.StageUpdateDto;
import org.opportune.rest.internal.dto.TaskDto;
import org.opportune.rest.internal.dto.UpdateOptionsDto;
import org.opportune.rest.internal.http.IfMatch;
import org.opportune.rest.internal.http.MediaTypes;
import org.opportune.rest.internal.http.Paging;
import org.opportune.rest.internal.http.QueryParameters;
import org.opportune.rest.internal.http.RequestBody;
import org.opportune.rest.internal.http.Responses;
import org.opportune.rest.internal.json.MergePatcher;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /opportunities/{no}}: one opportunity, read, replaced, patched or deleted, and its actions
 * (DOMAIN §5): activate, update through the cycle (and its dry run), close, the sales quote link,
 * the entry history and the opportunity's tasks. Each action is one transaction of
 * {@link OpportunityService}, honours {@code If-Match} and answers the updated opportunity with its ETag. The collection is
 * {@link OpportunitiesResource}.
 */
@Component(service = OpportunityResource.class, property = RestWhiteboard.RESOURCE)
@Path("opportunities/{no}")
@Produces(MediaType.APPLICATION_JSON)
public class OpportunityResource {
    private static final String RESOURCE = "opportunity";

    /** Optional and dynamic: without the opportunities module these endpoints answer 503, and recover with it. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile OpportunityService opportunities;

    /** Optional and dynamic: the statistics come from the opportunities module. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile OpportunityStatisticsService statistics;

    /** Optional and dynamic: without the tasks module the opportunity's tasks answer 503, and recover with it. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile TaskService tasks;

    @GET
    @ApiResponse(responseCode = "200", description = "The record; ETag is its version", useReturnTypeSchema = true)
    public OpportunityDto get(@PathParam("no") String no, @Context UriInfo uri) {
        QueryParameters.only(uri);
        return OpportunityDto.of(service().get(no));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "Replaced; ETag is the new version", useReturnTypeSchema = true)
    public OpportunityDto replace(@PathParam("no") String no, OpportunityBody opportunity,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri) {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        OpportunityBody body = RequestBody.required(opportunity);
        OpportunityDto current = OpportunityDto.of(service().get(no));
        return changed(no, body, current, precondition, precondition.expectedVersionOr(body.version()));
    }

    @PATCH
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @ApiResponse(responseCode = "200", description = "Changed; ETag is the new version", useReturnTypeSchema = true)
    public OpportunityDto patch(@PathParam("no") String no, JsonNode patch,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri, @Context Providers providers)
            throws JsonProcessingException {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        OpportunityDto current = OpportunityDto.of(service().get(no));
        OpportunityBody merged = MergePatcher.using(providers).apply(OpportunityBody.of(current), patch,
                OpportunityBody.class);
        return changed(no, merged, current, precondition, precondition.expectedVersionOr(current.version()));
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

    /** "Activate first stage"; the body ({@code dateOfChange}, {@code cancelOpenTasks}) may be left out. */
    @POST
    @Path("activate")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "Started at the first stage; ETag is the new version",
            useReturnTypeSchema = true)
    public OpportunityDto activate(@PathParam("no") String no, ActivateBody body,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri) {
        return acted(ifMatch, uri, (opportunities, version) -> opportunities.activate(no,
                body == null ? null : body.dateOfChange(), body != null && body.cancelsOpenTasks(), version));
    }

    @POST
    @Path("updates")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "Moved; ETag is the new version", useReturnTypeSchema = true)
    public OpportunityDto update(@PathParam("no") String no, StageUpdateDto update,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri) {
        return acted(ifMatch, uri, (opportunities, version) -> opportunities.move(no,
                RequestBody.required(update).toUpdate(), version));
    }

    /** The dry run of every action; the ETag is the version the options were computed for. */
    @GET
    @Path("updates/options")
    @ApiResponse(responseCode = "200",
            description = "What each action can do now, with its candidate stages and defaults (nothing is written)",
            useReturnTypeSchema = true)
    public UpdateOptionsDto updateOptions(@PathParam("no") String no, @Context UriInfo uri) {
        QueryParameters.only(uri);
        return UpdateOptionsDto.of(service().updateOptions(no));
    }

    @POST
    @Path("close")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "Closed as won or lost; ETag is the new version",
            useReturnTypeSchema = true)
    public OpportunityDto close(@PathParam("no") String no, ClosingDto closing,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri) {
        return acted(ifMatch, uri, (opportunities, version) -> opportunities.close(no,
                RequestBody.required(closing).toClosing(), version));
    }

    /** Links a quote, replacing the one linked before. */
    @PUT
    @Path("sales-quote")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "The quote is linked; ETag is the new version",
            useReturnTypeSchema = true)
    public OpportunityDto assignSalesQuote(@PathParam("no") String no, SalesQuoteDto quote,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri) {
        return acted(ifMatch, uri, (opportunities, version) -> opportunities.assignSalesQuote(no,
                RequestBody.required(quote).toQuote(), version));
    }

    /** Removes the quote link; 200 with the opportunity, as every action (its version changes). */
    @DELETE
    @Path("sales-quote")
    @ApiResponse(responseCode = "200", description = "The quote is unlinked; ETag is the new version",
            useReturnTypeSchema = true)
    public OpportunityDto removeSalesQuote(@PathParam("no") String no, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Context UriInfo uri) {
        return acted(ifMatch, uri, (opportunities, version) -> opportunities.removeSalesQuote(no, version));
    }

    /** The history, oldest first unless sorted otherwise. */
    @GET
    @Path("entries")
    public Page<EntryDto> entries(@PathParam("no") String no, @Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.forList(uri);
        return Page.of(service().entries(no, Paging.from(parameters)), EntryDto::of);
    }

    /**
     * The opportunity's tasks (DOMAIN §10), filtered as {@code GET /tasks} but for the opportunity; an opportunity
     * the caller cannot see is a 404, as for its other sub-resources. A salesperson sees its own tasks only.
     */
    @GET
    @Path("tasks")
    @Parameter(name = "salespersonCode", in = ParameterIn.QUERY, description = TaskFilters.SALESPERSON,
            schema = @Schema(type = "string"))
    @Parameter(name = "contactNo", in = ParameterIn.QUERY, description = TaskFilters.CONTACT,
            schema = @Schema(type = "string"))
    @Parameter(name = "status", in = ParameterIn.QUERY, description = TaskFilters.STATUS,
            schema = @Schema(implementation = TaskStatus.class))
    @Parameter(name = "dateFrom", in = ParameterIn.QUERY, description = TaskFilters.DATE_FROM,
            schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "dateTo", in = ParameterIn.QUERY, description = TaskFilters.DATE_TO,
            schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "overdue", in = ParameterIn.QUERY, description = TaskFilters.OVERDUE,
            schema = @Schema(type = "boolean"))
    public Page<TaskDto> tasks(@PathParam("no") String no, @Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.forList(uri, TaskFilters.OF_AN_OPPORTUNITY);
        TaskQuery query = TaskFilters.of(parameters, service().get(no).no());
        return Page.of(Module.running(tasks, "tasks").list(query, Paging.from(parameters)), TaskDto::of);
    }

    /** The opportunity's own figures: current values, entries, days open and days per stage. */
    @GET
    @Path("statistics")
    public OpportunityStatisticsDto statistics(@PathParam("no") String no, @Context UriInfo uri) {
        QueryParameters.only(uri);
        return OpportunityStatisticsDto.of(Module.statistics(statistics).opportunity(no));
    }

    /**
     * An action: it takes no query parameter, passes the version If-Match names (none without it) and answers the
     * opportunity as the action left it.
     */
    private OpportunityDto acted(String ifMatch, UriInfo uri, Action action) {
        QueryParameters.only(uri);
        Long expectedVersion = IfMatch.parse(ifMatch).expectedVersion();
        return OpportunityDto.of(action.on(service(), expectedVersion));
    }

    /** A stale If-Match is a 412; a changed key, server-owned field or {@code activate} a 400; then the update. */
    private OpportunityDto changed(String no, OpportunityBody body, OpportunityDto current, IfMatch precondition,
            Long expectedVersion) {
        precondition.requireCurrent(current.version(), RESOURCE, current.no());
        ServerOwned owned = new ServerOwned();
        body.refuseChanged(current, owned);
        owned.throwIfAny();
        return OpportunityDto.of(service().update(no, body.toChange(), expectedVersion));
    }

    private OpportunityService service() {
        return Module.running(opportunities, "opportunities");
    }

    /** One call of the service that moves or changes the opportunity, with the version the client read. */
    @FunctionalInterface
    private interface Action {
        Opportunity on(OpportunityService opportunities, Long expectedVersion);
    }
}
