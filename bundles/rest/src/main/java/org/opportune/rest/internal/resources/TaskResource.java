package org.opportune.rest.internal.resources;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import javax.ws.rs.Consumes;
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
import org.opportune.api.task.TaskService;
import org.opportune.api.task.TaskStatus;
import org.opportune.rest.internal.dto.Page;
import org.opportune.rest.internal.dto.ServerOwned;
import org.opportune.rest.internal.dto.TaskCompletionDto;
import org.opportune.rest.internal.dto.TaskDto;
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
 * {@code /tasks} (DOMAIN §10): translates HTTP to {@link TaskService}; the rules live there, a salesperson's scope
 * too (another's task is a 404, handing one to another salesperson a 403). PUT and PATCH change the four editable
 * fields of an open task; they read the task first, refuse a server-owned field sent with another value (400) and
 * pass the fields that differ with the version read (If-Match, else the one just read; a body's version must be
 * the current one), so that a change made meanwhile is a 412, never half applied. Complete and cancel are
 * actions: each answers the task.
 */
@Component(service = TaskResource.class, property = RestWhiteboard.RESOURCE)
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {
    private static final String RESOURCE = "task";

    /** Optional and dynamic: without the tasks module these endpoints answer 503, and recover with it. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile TaskService tasks;

    @GET
    @Parameter(name = "opportunityNo", in = ParameterIn.QUERY, description = TaskFilters.OPPORTUNITY,
            schema = @Schema(type = "string"))
    @Parameter(name = "salespersonCode", in = ParameterIn.QUERY, description = TaskFilters.SALESPERSON,
            schema = @Schema(type = "string"))
    @Parameter(name = "contactNo", in = ParameterIn.QUERY, description = TaskFilters.CONTACT,
            schema = @Schema(type = "string"))
    @Parameter(name = "status", in = ParameterIn.QUERY, description = TaskFilters.STATUS,
            schema = @Schema(implementation = TaskStatus.class))
    @Parameter(name = "dateFrom", in = ParameterIn.QUERY, description = TaskFilters.DATE_FROM,
            schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "dateTo", in = ParameterIn.QUERY, description = TaskFilters.DATE_TO,
            schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "overdue", in = ParameterIn.QUERY, description = TaskFilters.OVERDUE,
            schema = @Schema(type = "boolean"))
    public Page<TaskDto> list(@Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.forList(uri, TaskFilters.NAMES);
        return Page.of(service().list(TaskFilters.of(parameters, null), Paging.from(parameters)), TaskDto::of);
    }

    /** A task made by hand, numbered from the series. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201", description = "Created; Location and ETag name it",
            content = @Content(schema = @Schema(implementation = TaskDto.class)))
    public Response create(TaskDto task, @Context UriInfo uri) {
        QueryParameters.only(uri);
        TaskDto body = RequestBody.required(task);
        ServerOwned owned = new ServerOwned();
        body.refuseServerOwned(owned);
        owned.throwIfAny();
        TaskDto created = TaskDto.of(service().create(body.toNew()));
        return Responses.created(uri.getAbsolutePathBuilder().segment(created.no()).build(), created);
    }

    @GET
    @Path("{no}")
    @ApiResponse(responseCode = "200", description = "The task; ETag is its version", useReturnTypeSchema = true)
    public TaskDto get(@PathParam("no") String no, @Context UriInfo uri) {
        QueryParameters.only(uri);
        return TaskDto.of(service().get(no));
    }

    /** All four editable fields are required; the others may be sent back as read. */
    @PUT
    @Path("{no}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "Changed; ETag is the new version", useReturnTypeSchema = true)
    public TaskDto replace(@PathParam("no") String no, TaskDto task, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Context UriInfo uri) {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        TaskDto body = RequestBody.required(task);
        TaskDto current = TaskDto.of(service().get(no));
        return changed(body, current, precondition);
    }

    @PATCH
    @Path("{no}")
    @Consumes({ MediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON })
    @ApiResponse(responseCode = "200", description = "Changed; ETag is the new version", useReturnTypeSchema = true)
    public TaskDto patch(@PathParam("no") String no, JsonNode patch, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Context UriInfo uri, @Context Providers providers) throws JsonProcessingException {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        TaskDto current = TaskDto.of(service().get(no));
        TaskDto merged = MergePatcher.using(providers).apply(current, patch, TaskDto.class);
        return changed(merged, current, precondition);
    }

    @POST
    @Path("{no}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "Completed; ETag is the new version",
            useReturnTypeSchema = true)
    public TaskDto complete(@PathParam("no") String no, TaskCompletionDto completion,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri) {
        QueryParameters.only(uri);
        Long expectedVersion = IfMatch.parse(ifMatch).expectedVersion();
        return TaskDto.of(service().complete(no, completion == null ? null : completion.dateCompleted(),
                expectedVersion));
    }

    @POST
    @Path("{no}/cancel")
    @ApiResponse(responseCode = "200", description = "Canceled; ETag is the new version", useReturnTypeSchema = true)
    public TaskDto cancel(@PathParam("no") String no, @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Context UriInfo uri) {
        QueryParameters.only(uri);
        Long expectedVersion = IfMatch.parse(ifMatch).expectedVersion();
        return TaskDto.of(service().cancel(no, expectedVersion));
    }

    /**
     * A stale If-Match is a 412; a changed key or server-owned field or a missing editable one a 400; then the
     * change of what differs, guarded by the version If-Match names or else the one just read.
     */
    private TaskDto changed(TaskDto body, TaskDto current, IfMatch precondition) {
        precondition.requireCurrent(current.version(), RESOURCE, current.no());
        ServerOwned owned = new ServerOwned();
        body.refuseChanged(current, owned);
        owned.throwIfAny();
        body.requireEditable();
        return TaskDto.of(service().change(current.no(), body.changeFrom(current),
                precondition.expectedVersionOr(current.version())));
    }

    private TaskService service() {
        return Module.running(tasks, "tasks");
    }
}
