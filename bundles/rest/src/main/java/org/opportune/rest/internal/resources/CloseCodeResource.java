package org.opportune.rest.internal.resources;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.RestWhiteboard;
import org.opportune.api.cycle.CloseCodeValues;
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeQuery;
import org.opportune.api.cycle.CloseOpportunityCodeService;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.rest.internal.dto.CloseCodeDto;
import org.opportune.rest.internal.dto.Page;
import org.opportune.rest.internal.http.Paging;
import org.opportune.rest.internal.http.QueryParameters;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /close-codes}: translates HTTP to {@link CloseOpportunityCodeService}; the rules live there. */
@Component(service = CloseCodeResource.class, property = RestWhiteboard.RESOURCE)
@Path("close-codes")
@Produces(MediaType.APPLICATION_JSON)
public class CloseCodeResource extends CodedResource<CloseOpportunityCode, CloseCodeValues, CloseCodeDto> {

    /** Optional and dynamic: without the cycles module these endpoints answer 503, and recover with it. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile CloseOpportunityCodeService closeCodes;

    public CloseCodeResource() {
        super("close opportunity code", CloseCodeDto.class, CloseCodeDto::of, CloseCodeDto::toValues);
    }

    @GET
    @Parameter(name = "type", in = ParameterIn.QUERY, description = "WON or LOST",
            schema = @Schema(implementation = CloseOpportunityCodeType.class))
    public Page<CloseCodeDto> list(@Context UriInfo uri) {
        QueryParameters filters = QueryParameters.forList(uri, "type");
        CloseOpportunityCodeQuery query = CloseOpportunityCodeQuery.all()
                .withType(filters.enumValue("type", CloseOpportunityCodeType.class));
        return page(running().list(query, Paging.from(filters)));
    }

    @Override
    protected Calls<CloseOpportunityCode, CloseCodeValues> service() {
        CloseOpportunityCodeService service = running();
        return new Calls<>(service::get, service::create, service::update, service::delete);
    }

    private CloseOpportunityCodeService running() {
        return Module.running(closeCodes, "cycles");
    }
}
