package org.opportune.rest.internal.resources;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.opportune.api.RestWhiteboard;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.rest.internal.dto.OpportunityBody;
import org.opportune.rest.internal.dto.OpportunityDto;
import org.opportune.rest.internal.dto.Page;
import org.opportune.rest.internal.dto.ServerOwned;
import org.opportune.rest.internal.http.Paging;
import org.opportune.rest.internal.http.QueryParameters;
import org.opportune.rest.internal.http.RequestBody;
import org.opportune.rest.internal.http.Responses;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /opportunities}, the collection: translates HTTP to {@link OpportunityService}; the rules
 * live there. One opportunity and its actions are {@link OpportunityResource}: Jersey picks one root
 * resource by its path and never falls back to another, so every route below
 * {@code opportunities/{no}} lives in that class.
 */
@Component(service = OpportunitiesResource.class, property = RestWhiteboard.RESOURCE)
@Path("opportunities")
@Produces(MediaType.APPLICATION_JSON)
public class OpportunitiesResource {

    /** Optional and dynamic: without the opportunities module these endpoints answer 503, and recover with it. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile OpportunityService opportunities;

    @GET
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "no. or description contains (any case)",
            schema = @Schema(type = "string"))
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "NOT_STARTED, IN_PROGRESS, WON or LOST",
            schema = @Schema(implementation = OpportunityStatus.class))
    @Parameter(name = "closed", in = ParameterIn.QUERY, description = "true or false",
            schema = @Schema(type = "boolean"))
    @Parameter(name = "salespersonCode", in = ParameterIn.QUERY, description = "the salesperson",
            schema = @Schema(type = "string"))
    @Parameter(name = "contactNo", in = ParameterIn.QUERY, description = "the contact",
            schema = @Schema(type = "string"))
    @Parameter(name = "contactCompanyNo", in = ParameterIn.QUERY, description = "the contact's company",
            schema = @Schema(type = "string"))
    @Parameter(name = "salesCycleCode", in = ParameterIn.QUERY, description = "the sales cycle",
            schema = @Schema(type = "string"))
    @Parameter(name = "currentStage", in = ParameterIn.QUERY,
            description = "the stage of the active entry; 0 for closed",
            schema = @Schema(type = "integer", format = "int32"))
    @Parameter(name = "priority", in = ParameterIn.QUERY, description = "LOW, NORMAL or HIGH",
            schema = @Schema(implementation = OpportunityPriority.class))
    @Parameter(name = "creationDateFrom", in = ParameterIn.QUERY, description = "created on or after",
            schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "creationDateTo", in = ParameterIn.QUERY, description = "created on or before",
            schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "estimatedCloseDateFrom", in = ParameterIn.QUERY, description = "closing on or after",
            schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "estimatedCloseDateTo", in = ParameterIn.QUERY, description = "closing on or before",
            schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "stale", in = ParameterIn.QUERY, description = "true: in progress and idle longer than the"
            + " stage's maxDaysIdle as of today (DOMAIN §11); false: the others", schema = @Schema(type = "boolean"))
    public Page<OpportunityDto> list(@Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.forList(uri, OpportunityFilters.NAMES);
        return Page.of(service().list(OpportunityFilters.of(parameters), Paging.from(parameters)),
                OpportunityDto::of);
    }

    /** Creates it not started, or started at the first stage when the body has {@code activate}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201",
            description = "Created (and started when activate is given); Location and ETag name it",
            content = @Content(schema = @Schema(implementation = OpportunityDto.class)))
    public Response create(OpportunityBody opportunity, @Context UriInfo uri) {
        QueryParameters.only(uri);
        OpportunityBody body = RequestBody.required(opportunity);
        ServerOwned owned = new ServerOwned();
        body.refuseServerOwned(owned);
        owned.throwIfAny();
        OpportunityDto created = OpportunityDto.of(service().create(body.toNew()));
        return Responses.created(uri.getAbsolutePathBuilder().segment(created.no()).build(), created);
    }

    private OpportunityService service() {
        return Module.running(opportunities, "opportunities");
    }
}
