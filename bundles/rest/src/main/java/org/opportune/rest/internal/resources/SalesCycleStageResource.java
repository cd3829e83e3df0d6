package org.opportune.rest.internal.resources;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

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

import org.opportune.api.NotFoundException;
import org.opportune.api.Codes;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.RestWhiteboard;
import org.opportune.api.SortKey;
import org.opportune.api.UnavailableException;
import org.opportune.api.ValidationException;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.cycle.SalesCycleStage;
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
 * {@code /sales-cycles/{code}/stages}: one cycle's stages one by one. Adding a stage is guarded by
 * the <em>cycle</em> version (it changes the cycle); a single stage has its own version as ETag.
 * A stage in the path that is not a whole number names no stage: 404, like an unknown one.
 */
@Component(service = SalesCycleStageResource.class, property = RestWhiteboard.RESOURCE)
@Path("sales-cycles/{code}/stages")
@Produces(MediaType.APPLICATION_JSON)
public class SalesCycleStageResource {
    private static final String STAGE_RESOURCE = "sales cycle stage";
    /** The stages of a cycle are few and come in one read: sorted here, by number only. */
    private static final List<String> SORT_FIELDS = List.of("stage");

    /** Optional and dynamic: without the cycles module these endpoints answer 503, and recover with it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SalesCycleService cycles;

    /** The list envelope of the cycle's stages, in ascending order of number unless {@code sort=-stage}. */
    @GET
    public Page<SalesCycleStage> list(@PathParam("code") String code, @Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.forList(uri);
        PageRequest page = Paging.from(parameters);
        Comparator<SalesCycleStage> order = order(page.sort());
        List<SalesCycleStage> stages = service().get(code).stages().stream().sorted(order).toList();
        return new Page<>(stages.stream().skip(page.offset()).limit(page.limit()).toList(), stages.size(),
                page.offset(), page.limit());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201", description = "Created; Location and ETag name it",
            content = @Content(schema = @Schema(implementation = SalesCycleStage.class)))
    public Response add(@PathParam("code") String code, SalesCycleStage stage,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri) {
        QueryParameters.only(uri);
        IfMatch cyclePrecondition = IfMatch.parse(ifMatch);
        SalesCycleStage added = service().addStage(code, RequestBody.required(stage),
                cyclePrecondition.expectedVersion());
        URI location = uri.getBaseUriBuilder().path(SalesCycleStageResource.class)
                .segment(Integer.toString(added.stage())).build(Codes.normalise(code));
        return Responses.created(location, added, added.version());
    }

    @GET
    @Path("{stage}")
    @ApiResponse(responseCode = "200", description = "The record; ETag is its version",
            content = @Content(schema = @Schema(implementation = SalesCycleStage.class)))
    public Response get(@PathParam("code") String code, @PathParam("stage") String stage, @Context UriInfo uri) {
        QueryParameters.only(uri);
        SalesCycleStage found = service().getStage(code, number(code, stage));
        return Responses.ok(found, found.version());
    }

    @PUT
    @Path("{stage}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(schema = @Schema(implementation = SalesCycleStage.class)))
    public Response replace(@PathParam("code") String code, @PathParam("stage") String stage,
            SalesCycleStage values, @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri) {
        QueryParameters.only(uri);
        int number = number(code, stage);
        IfMatch precondition = IfMatch.parse(ifMatch);
        SalesCycleStage updated = service().replaceStage(code, number, RequestBody.required(values),
                precondition.expectedVersion());
        return Responses.ok(updated, updated.version());
    }

    @PATCH
    @Path("{stage}")
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @ApiResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(schema = @Schema(implementation = SalesCycleStage.class)))
    public Response patch(@PathParam("code") String code, @PathParam("stage") String stage, JsonNode patch,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri, @Context Providers providers)
            throws JsonProcessingException {
        QueryParameters.only(uri);
        int number = number(code, stage);
        IfMatch precondition = IfMatch.parse(ifMatch);
        SalesCycleService service = service();
        SalesCycleStage current = service.getStage(code, number);
        SalesCycleStage merged = MergePatcher.using(providers).apply(current, patch, SalesCycleStage.class);
        SalesCycleStage updated = service.replaceStage(code, number, merged,
                precondition.expectedVersionOr(current.version()));
        return Responses.ok(updated, updated.version());
    }

    @DELETE
    @Path("{stage}")
    @ApiResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("code") String code, @PathParam("stage") String stage,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri) {
        QueryParameters.only(uri);
        int number = number(code, stage);
        IfMatch precondition = IfMatch.parse(ifMatch);
        service().deleteStage(code, number, precondition.expectedVersion());
        return Responses.noContent();
    }

    /** @throws NotFoundException the path segment is not a stage number, so it names no stage */
    private static int number(String code, String stage) {
        String text = stage.trim();
        if (text.matches("[0-9]{1,9}")) {
            return Integer.parseInt(text);
        }
        throw new NotFoundException(STAGE_RESOURCE, Codes.normalise(code) + "/" + stage);
    }

    private static Comparator<SalesCycleStage> order(List<SortKey> sort) {
        Comparator<SalesCycleStage> ascending = Comparator.comparing(SalesCycleStage::stage);
        Comparator<SalesCycleStage> order = ascending;
        for (SortKey key : sort) {
            if (!SORT_FIELDS.contains(key.field())) {
                throw new ValidationException("sort", "unknown sort field '" + key.field() + "'; sortable: "
                        + String.join(", ", SORT_FIELDS));
            }
            order = key.descending() ? ascending.reversed() : ascending;
        }
        return order;
    }

    private SalesCycleService service() {
        SalesCycleService service = cycles;
        if (service == null) {
            throw new UnavailableException("the cycles module is not available");
        }
        return service;
    }
}
