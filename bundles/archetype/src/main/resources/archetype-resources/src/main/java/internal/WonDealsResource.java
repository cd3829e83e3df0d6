package ${package}.internal;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.opportune.api.Codes;
import org.opportune.api.NotFoundException;
import org.opportune.api.RestWhiteboard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A REST resource, served by Opportune under {@code /api/v1/won-deals} with its authentication, JSON and
 * problem+json errors. JAX-RS 2.1 ({@code javax.ws.rs}), registered with {@code opportune.jaxrs.resource=true} and
 * {@code service = } naming its class: a component without a service is never served. Its GETs are for the roles
 * that read every salesperson's deals (a {@code salesperson} sees only its own, and these tallies are everyone's);
 * it declares no write roles, so anything else would be {@code opportune-admin}'s.
 */
@Component(service = WonDealsResource.class, property = { RestWhiteboard.RESOURCE,
        RestWhiteboard.READ_ROLES + "=opportune-admin,sales-manager,sales-viewer" })
@Path("won-deals")
@Produces(MediaType.APPLICATION_JSON)
public class WonDealsResource {
    private final WonDeals wonDeals;

    @Activate
    public WonDealsResource(@Reference WonDeals wonDeals) {
        this.wonDeals = wonDeals;
    }

    @GET
    public Map<String, WonDeals.Tally> all() {
        return wonDeals.bySalesperson();
    }

    @GET
    @Path("{salespersonCode}")
    public WonDeals.Tally of(@PathParam("salespersonCode") String salespersonCode) {
        WonDeals.Tally tally = wonDeals.bySalesperson().get(Codes.normalise(salespersonCode));
        if (tally == null) {
            // Opportune's own refusals become its problem+json answers: this one a 404
            throw new NotFoundException("won deals of salesperson", salespersonCode);
        }
        return tally;
    }
}
