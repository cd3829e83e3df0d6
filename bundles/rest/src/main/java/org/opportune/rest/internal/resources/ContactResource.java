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
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactQuery;
import org.opportune.api.contact.ContactService;
import org.opportune.api.contact.ContactType;
import org.opportune.api.statistics.ContactStatistics;
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

/** {@code /contacts}: translates HTTP to {@link ContactService}; the rules live there. */
@Component(service = ContactResource.class, property = RestWhiteboard.RESOURCE)
@Path("contacts")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    /** Optional and dynamic: without the contacts module these endpoints answer 503, and recover with it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ContactService contacts;

    /** Optional and dynamic: the statistics come from the opportunities module. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
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
    public Page<Contact> list(@Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.forList(uri, "q", "type", "companyNo", "salespersonCode");
        ContactQuery query = new ContactQuery(parameters.text("q"), parameters.enumValue("type", ContactType.class),
                parameters.text("companyNo"), parameters.text("salespersonCode"));
        return service().list(query, Paging.from(parameters));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201", description = "Created; Location and ETag name it",
            content = @Content(schema = @Schema(implementation = Contact.class)))
    public Response create(Contact contact, @Context UriInfo uri) {
        QueryParameters.only(uri);
        Contact created = service().create(RequestBody.required(contact));
        return Responses.created(uri.getAbsolutePathBuilder().segment(created.no()).build(), created,
                created.version());
    }

    @GET
    @Path("{no}")
    @ApiResponse(responseCode = "200", description = "The record; ETag is its version",
            content = @Content(schema = @Schema(implementation = Contact.class)))
    public Response get(@PathParam("no") String no, @Context UriInfo uri) {
        QueryParameters.only(uri);
        Contact contact = service().get(no);
        return Responses.ok(contact, contact.version());
    }

    @PUT
    @Path("{no}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(schema = @Schema(implementation = Contact.class)))
    public Response replace(@PathParam("no") String no, Contact contact, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Context UriInfo uri) {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        Contact updated = service().update(no, RequestBody.required(contact), precondition.expectedVersion());
        return Responses.ok(updated, updated.version());
    }

    @PATCH
    @Path("{no}")
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @ApiResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(schema = @Schema(implementation = Contact.class)))
    public Response patch(@PathParam("no") String no, JsonNode patch, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Context UriInfo uri, @Context Providers providers) throws JsonProcessingException {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        ContactService service = service();
        Contact current = service.get(no);
        Contact merged = MergePatcher.using(providers).apply(current, patch, Contact.class);
        Contact updated = service.update(no, merged, precondition.expectedVersionOr(current.version()));
        return Responses.ok(updated, updated.version());
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
    public ContactStatistics statistics(@PathParam("no") String no, @Context UriInfo uri) {
        QueryParameters.only(uri);
        return StatisticsModule.available(statistics).contact(no);
    }

    private ContactService service() {
        ContactService service = contacts;
        if (service == null) {
            throw new UnavailableException("the contacts module is not available");
        }
        return service;
    }
}
