package org.opportune.rest.internal.resources;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.Optional;

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

import org.opportune.api.RestWhiteboard;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactQuery;
import org.opportune.api.contact.ContactService;
import org.opportune.api.contact.ContactType;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.opportune.rest.internal.dto.ContactDto;
import org.opportune.rest.internal.dto.ContactStatisticsDto;
import org.opportune.rest.internal.dto.Page;
import org.opportune.rest.internal.dto.ServerOwned;
import org.opportune.rest.internal.http.IfMatch;
import org.opportune.rest.internal.http.MediaTypes;
import org.opportune.rest.internal.http.Paging;
import org.opportune.rest.internal.http.QueryParameters;
import org.opportune.rest.internal.http.RequestBody;
import org.opportune.rest.internal.http.Responses;
import org.opportune.rest.internal.json.MergePatcher;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /contacts}: translates HTTP to {@link ContactService}; the rules live there. */
@Component(service = ContactResource.class, property = RestWhiteboard.RESOURCE)
@Path("contacts")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {
    private static final String RESOURCE = "contact";

    /** Optional and dynamic: without the contacts module these endpoints answer 503, and recover with it. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile ContactService contacts;

    /** Optional and dynamic: the statistics come from the opportunities module. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile OpportunityStatisticsService statistics;

    @GET
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "no. or name contains (any case)",
            schema = @Schema(type = "string"))
    @Parameter(name = "type", in = ParameterIn.QUERY, description = "COMPANY or PERSON",
            schema = @Schema(implementation = ContactType.class))
    @Parameter(name = "companyNo", in = ParameterIn.QUERY, description = "the company a contact belongs to",
            schema = @Schema(type = "string"))
    @Parameter(name = "salespersonCode", in = ParameterIn.QUERY, description = "the contact's salesperson",
            schema = @Schema(type = "string"))
    public Page<ContactDto> list(@Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.forList(uri, "q", "type", "companyNo", "salespersonCode");
        ContactQuery query = ContactQuery.all().withText(parameters.text("q"))
                .withType(parameters.enumValue("type", ContactType.class))
                .withCompanyNo(parameters.text("companyNo")).withSalespersonCode(parameters.text("salespersonCode"));
        return Page.of(service().list(query, Paging.from(parameters)), ContactDto::of);
    }

    /** Without a {@code no} the contact gets the next number of the series. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201", description = "Created; Location and ETag name it",
            content = @Content(schema = @Schema(implementation = ContactDto.class)))
    public Response create(ContactDto contact, @Context UriInfo uri) {
        QueryParameters.only(uri);
        ContactDto given = RequestBody.required(contact);
        ContactService service = service();
        ServerOwned owned = new ServerOwned();
        given.refuseServerOwned(owned);
        refuseOtherCompanyName(given, null, owned);
        owned.throwIfAny();
        ContactDto created = ContactDto.of(given.no() == null ? service.create(given.toValues())
                : service.create(given.no(), given.toValues()));
        return Responses.created(uri.getAbsolutePathBuilder().segment(created.no()).build(), created);
    }

    @GET
    @Path("{no}")
    @ApiResponse(responseCode = "200", description = "The record; ETag is its version", useReturnTypeSchema = true)
    public ContactDto get(@PathParam("no") String no, @Context UriInfo uri) {
        QueryParameters.only(uri);
        return ContactDto.of(service().get(no));
    }

    @PUT
    @Path("{no}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "Replaced; ETag is the new version", useReturnTypeSchema = true)
    public ContactDto replace(@PathParam("no") String no, ContactDto contact,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri) {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        ContactDto given = RequestBody.required(contact);
        ContactDto current = ContactDto.of(service().get(no));
        return changed(no, given, current, precondition, precondition.expectedVersionOr(given.version()));
    }

    @PATCH
    @Path("{no}")
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @ApiResponse(responseCode = "200", description = "Changed; ETag is the new version", useReturnTypeSchema = true)
    public ContactDto patch(@PathParam("no") String no, JsonNode patch, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Context UriInfo uri, @Context Providers providers) throws JsonProcessingException {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        ContactDto current = ContactDto.of(service().get(no));
        ContactDto merged = MergePatcher.using(providers).apply(current, patch, ContactDto.class);
        return changed(no, merged, current, precondition, precondition.expectedVersionOr(current.version()));
    }

    @DELETE
    @Path("{no}")
    @ApiResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("no") String no, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Context UriInfo uri) {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        service().delete(no, precondition.expectedVersion());
        return Responses.noContent();
    }

    /** DOMAIN §8: count and sums over the contact's opportunities; a company's include its persons'. */
    @GET
    @Path("{no}/statistics")
    public ContactStatisticsDto statistics(@PathParam("no") String no, @Context UriInfo uri) {
        QueryParameters.only(uri);
        return ContactStatisticsDto.of(Module.statistics(statistics).contact(no));
    }

    /** A stale If-Match is a 412; a changed key or server-owned field a 400; then the update. */
    private ContactDto changed(String no, ContactDto body, ContactDto current, IfMatch precondition,
            Long expectedVersion) {
        precondition.requireCurrent(current.version(), RESOURCE, current.no());
        ServerOwned owned = new ServerOwned();
        body.refuseChanged(current, owned);
        refuseOtherCompanyName(body, current, owned);
        owned.throwIfAny();
        return ContactDto.of(service().update(no, body.toValues(), expectedVersion));
    }

    /**
     * {@code companyName} is derived from the company contact: a body may leave it out, send back the one it
     * read, or give the one the contact will have (a company's own name, a person's company's name).
     *
     * @param current null on create
     */
    private void refuseOtherCompanyName(ContactDto body, ContactDto current, ServerOwned owned) {
        String given = body.companyName();
        if (given == null || current != null && given.equals(current.companyName())) {
            return;
        }
        String derived;
        if (body.type() == ContactType.COMPANY) {
            derived = body.name() == null ? null : body.name().trim();
        } else if (body.companyNo() == null || body.companyNo().isBlank()) {
            derived = null;
        } else {
            Optional<Contact> company = service().find(body.companyNo());
            if (company.isEmpty()) {
                return; // the service refuses the companyNo itself
            }
            derived = company.get().name();
        }
        if (!given.equals(derived)) {
            owned.add("companyName", "is derived from the company contact (" + (derived == null ? "none" : derived)
                    + ") and cannot be set");
        }
    }

    private ContactService service() {
        return Module.running(contacts, "contacts");
    }
}
