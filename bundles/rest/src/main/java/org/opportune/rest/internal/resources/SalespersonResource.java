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

import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.RestWhiteboard;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonQuery;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.api.salesperson.SalespersonValues;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.opportune.rest.internal.dto.SalespersonDto;
import org.opportune.rest.internal.dto.SalespersonStatisticsDto;
import org.opportune.rest.internal.http.QueryParameters;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /salespeople}: translates HTTP to {@link SalespersonService}; the rules live there. */
@Component(service = SalespersonResource.class, property = RestWhiteboard.RESOURCE)
@Path("salespeople")
@Produces(MediaType.APPLICATION_JSON)
public class SalespersonResource extends TextAndBlockedResource<Salesperson, SalespersonValues, SalespersonDto> {

    /** Optional and dynamic: without the salespeople module these endpoints answer 503, and recover with it. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile SalespersonService salespeople;

    /** Optional and dynamic: the statistics come from the opportunities module. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile OpportunityStatisticsService statistics;

    public SalespersonResource() {
        super("salesperson", SalespersonDto.class, SalespersonDto::of, SalespersonDto::toValues);
    }

    /** DOMAIN §8: count and sums over the salesperson's opportunities, closed ones included, with averages. */
    @GET
    @Path("{code}/statistics")
    public SalespersonStatisticsDto statistics(@PathParam("code") String code, @Context UriInfo uri) {
        QueryParameters.only(uri);
        return SalespersonStatisticsDto.of(Module.statistics(statistics).salesperson(code));
    }

    @Override
    protected Page<Salesperson> listed(String text, Boolean blocked, PageRequest page) {
        return running().list(SalespersonQuery.all().withText(text).withBlocked(blocked), page);
    }

    @Override
    protected Calls<Salesperson, SalespersonValues> service() {
        SalespersonService service = running();
        return new Calls<>(service::get, service::create, service::update, service::delete);
    }

    private SalespersonService running() {
        return Module.running(salespeople, "salespeople");
    }
}
