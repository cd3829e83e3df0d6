package org.opportune.rest.internal.resources;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Operation;

import org.opportune.api.RestWhiteboard;
import org.opportune.api.UnavailableException;
import org.opportune.api.caller.Roles;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.rest.internal.dto.MeDto;
import org.opportune.rest.internal.http.QueryParameters;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /me}: who the credentials belong to, which of Opportune's roles they carry and which salesperson the
 * user acts as, so that a client can show what the user may do without trying.
 */
@Component(service = MeResource.class, property = RestWhiteboard.RESOURCE)
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    /** Optional and dynamic: without the salespeople module the user is just linked to none. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile SalespersonService salespeople;

    @GET
    @Operation(summary = "The user of the credentials, its Opportune roles and its salesperson")
    public MeDto me(@Context SecurityContext security, @Context UriInfo uri) {
        QueryParameters.only(uri);
        String userName = security.getUserPrincipal().getName(); // Authorization let no request in without one
        List<String> roles = Roles.ALL.stream().filter(security::isUserInRole).sorted().toList();
        return new MeDto(userName, roles, salespersonCode(userName));
    }

    /** The user's salesperson, or null: linked to none, or the salespeople module is not there to say. */
    private String salespersonCode(String userName) {
        SalespersonService service = salespeople;
        if (service == null) {
            return null;
        }
        try {
            return service.findByUserName(userName).map(Salesperson::code).orElse(null);
        } catch (UnavailableException down) {
            return null;
        }
    }
}
