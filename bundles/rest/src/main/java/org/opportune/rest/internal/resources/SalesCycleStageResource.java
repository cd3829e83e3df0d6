package org.opportune.rest.internal.resources;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

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

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.opportune.api.NotFoundException;
import org.opportune.api.Codes;
import org.opportune.api.PageRequest;
import org.opportune.api.RestWhiteboard;
import org.opportune.api.SortKey;
import org.opportune.api.ValidationException;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.rest.internal.dto.Page;
import org.opportune.rest.internal.dto.ServerOwned;
import org.opportune.rest.internal.dto.StageDto;
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
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile SalesCycleService cycles;

    /** The list envelope of the cycle's stages, in ascending order of number unless {@code sort=-stage}. */
    @GET
    public Page<StageDto> list(@PathParam("code") String code, @Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.forList(uri);
        PageRequest page = Paging.from(parameters);
        Comparator<StageDto> order = order(page.sort());
        List<StageDto> stages = service().get(code).stages().stream().map(StageDto::of).sorted(order).toList();
        return new Page<>(stages.stream().skip(page.offset()).limit(page.limit()).toList(), stages.size(),
                page.offset(), page.limit());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201", description = "Created; Location and ETag name it",
            content = @Content(schema = @Schema(implementation = StageDto.class)))
    public Response add(@PathParam("code") String code, StageDto stage, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Context UriInfo uri) {
        QueryParameters.only(uri);
        IfMatch cyclePrecondition = IfMatch.parse(ifMatch);
        StageDto given = RequestBody.required(stage);
        ServerOwned owned = new ServerOwned();
        given.refuseServerOwned(owned);
        owned.throwIfAny();
        StageDto added = StageDto.of(service().addStage(code, given.toValues(given.stage()),
                cyclePrecondition.expectedVersion()));
        URI location = uri.getBaseUriBuilder().path(SalesCycleStageResource.class)
                .segment(Integer.toString(added.stage())).build(Codes.normalise(code));
        return Responses.created(location, added);
    }

    @GET
    @Path("{stage}")
    @ApiResponse(responseCode = "200", description = "The record; ETag is its version", useReturnTypeSchema = true)
    public StageDto get(@PathParam("code") String code, @PathParam("stage") String stage, @Context UriInfo uri) {
        QueryParameters.only(uri);
        return StageDto.of(service().getStage(code, number(code, stage)));
    }

    @PUT
    @Path("{stage}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "Replaced; ETag is the new version", useReturnTypeSchema = true)
    public StageDto replace(@PathParam("code") String code, @PathParam("stage") String stage, StageDto values,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri) {
        QueryParameters.only(uri);
        int number = number(code, stage);
        IfMatch precondition = IfMatch.parse(ifMatch);
        StageDto given = RequestBody.required(values);
        StageDto current = StageDto.of(service().getStage(code, number));
        return changed(code, number, given, current, precondition, precondition.expectedVersionOr(given.version()));
    }

    @PATCH
    @Path("{stage}")
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @ApiResponse(responseCode = "200", description = "Changed; ETag is the new version", useReturnTypeSchema = true)
    public StageDto patch(@PathParam("code") String code, @PathParam("stage") String stage, JsonNode patch,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri, @Context Providers providers)
            throws JsonProcessingException {
        QueryParameters.only(uri);
        int number = number(code, stage);
        IfMatch precondition = IfMatch.parse(ifMatch);
        StageDto current = StageDto.of(service().getStage(code, number));
        StageDto merged = MergePatcher.using(providers).apply(current, patch, StageDto.class);
        return changed(code, number, merged, current, precondition,
                precondition.expectedVersionOr(current.version()));
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

    /** A stale If-Match is a 412; another number or a changed server-owned field a 400; then the replace. */
    private StageDto changed(String code, int number, StageDto body, StageDto current, IfMatch precondition,
            Long expectedVersion) {
        precondition.requireCurrent(current.version(), STAGE_RESOURCE, Codes.normalise(code) + "/" + number);
        ServerOwned owned = new ServerOwned().key("stage", body.stage(), number);
        body.refuseChanged(current, owned);
        owned.throwIfAny();
        return StageDto.of(service().replaceStage(code, body.toValues(number), expectedVersion));
    }

    /** @throws NotFoundException the path segment is not a stage number, so it names no stage */
    private static int number(String code, String stage) {
        String text = stage.trim();
        if (text.matches("[0-9]{1,9}")) {
            return Integer.parseInt(text);
        }
        throw new NotFoundException(STAGE_RESOURCE, Codes.normalise(code) + "/" + stage);
    }

    private static Comparator<StageDto> order(List<SortKey> sort) {
        Comparator<StageDto> ascending = Comparator.comparing(StageDto::stage);
        Comparator<StageDto> order = ascending;
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
        return Module.running(cycles, "cycles");
    }
}
