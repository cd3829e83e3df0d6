package org.opportune.rest.internal.resources;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.RestWhiteboard;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleQuery;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.cycle.SalesCycleValues;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.opportune.rest.internal.dto.SalesCycleDto;
import org.opportune.rest.internal.dto.SalesCycleStatisticsDto;
import org.opportune.rest.internal.dto.ServerOwned;
import org.opportune.rest.internal.http.QueryParameters;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /sales-cycles}: translates HTTP to {@link SalesCycleService}; the rules live there. The stages one
 * by one are {@link SalesCycleStageResource}. A body's {@code stages} replace the cycle's; left out, they are
 * kept (none on create). {@code probabilityModelAvailable} is computed: a body may leave it out or say what
 * the server would, for the model the body names.
 */
@Component(service = SalesCycleResource.class, property = RestWhiteboard.RESOURCE)
@Path("sales-cycles")
@Produces(MediaType.APPLICATION_JSON)
public class SalesCycleResource extends TextAndBlockedResource<SalesCycle, SalesCycleValues, SalesCycleDto> {
    private static final String AVAILABLE_FIELD = "probabilityModelAvailable";

    /** Optional and dynamic: without the cycles module these endpoints answer 503, and recover with it. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile SalesCycleService cycles;

    /** Optional and dynamic: the statistics come from the opportunities module. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile OpportunityStatisticsService statistics;

    public SalesCycleResource() {
        super("sales cycle", SalesCycleDto.class, SalesCycleDto::of, SalesCycleDto::toValues);
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
    public SalesCycleStatisticsDto statistics(@PathParam("code") String code, @Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.only(uri, "estimatedCloseDateFrom", "estimatedCloseDateTo",
                "asOf");
        return SalesCycleStatisticsDto.of(Module.statistics(statistics).salesCycle(code,
                parameters.date("estimatedCloseDateFrom"), parameters.date("estimatedCloseDateTo"),
                parameters.date("asOf")));
    }

    @Override
    protected Page<SalesCycle> listed(String text, Boolean blocked, PageRequest page) {
        return running().list(SalesCycleQuery.all().withText(text).withBlocked(blocked), page);
    }

    @Override
    protected Calls<SalesCycle, SalesCycleValues> service() {
        SalesCycleService service = running();
        return new Calls<>(service::get, service::create, service::update, service::delete);
    }

    @Override
    protected void refuseServerOwned(SalesCycleDto body, ServerOwned owned) {
        body.refuseServerOwned(owned);
        refuseOtherAvailability(body, owned);
    }

    @Override
    protected void refuseChanged(SalesCycleDto body, SalesCycleDto current, ServerOwned owned) {
        body.refuseChanged(current, owned);
        refuseOtherAvailability(body, owned);
    }

    /** A merge patch starts without the availability: it is computed, and may have changed since. */
    @Override
    protected SalesCycleDto patchable(SalesCycleDto current) {
        return current.withoutAvailability();
    }

    /** A patch that names no stages keeps them as stored, not as read a moment ago. */
    @Override
    protected SalesCycleDto patched(SalesCycleDto merged, JsonNode patch) {
        return patch.has("stages") ? merged : merged.withStages(null);
    }

    /** A body that states the availability states what the server would say of the model the body names. */
    private void refuseOtherAvailability(SalesCycleDto body, ServerOwned owned) {
        Boolean stated = body.probabilityModelAvailable();
        if (stated == null) {
            return;
        }
        String model = body.probabilityCalculation() == null || body.probabilityCalculation().isBlank()
                ? SalesCycle.DEFAULT_PROBABILITY_CALCULATION : body.probabilityCalculation().trim();
        boolean installed = running().probabilityModels().stream()
                .anyMatch(info -> info.active() && info.name().equalsIgnoreCase(model));
        if (stated != installed) {
            owned.add(AVAILABLE_FIELD, "is owned by the server: probability model " + model
                    + (installed ? " is" : " is not") + " installed right now, so it is " + installed);
        }
    }

    private SalesCycleService running() {
        return Module.running(cycles, "cycles");
    }
}
