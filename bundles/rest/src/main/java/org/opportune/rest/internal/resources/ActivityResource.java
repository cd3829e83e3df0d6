package org.opportune.rest.internal.resources;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.net.URI;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.opportune.api.Codes;
import org.opportune.api.NotFoundException;
import org.opportune.api.RestWhiteboard;
import org.opportune.api.task.Activity;
import org.opportune.api.task.ActivityService;
import org.opportune.api.task.ActivityValues;
import org.opportune.rest.internal.dto.ActivityDto;
import org.opportune.rest.internal.dto.ActivityStepDto;
import org.opportune.rest.internal.dto.Page;
import org.opportune.rest.internal.http.IfMatch;
import org.opportune.rest.internal.http.Paging;
import org.opportune.rest.internal.http.QueryParameters;
import org.opportune.rest.internal.http.RequestBody;
import org.opportune.rest.internal.http.Responses;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /activities} (DOMAIN §10): translates HTTP to {@link ActivityService}; the rules live there. PUT replaces
 * the description and every step ({@code steps} left out: none), PATCH the fields it names ({@code steps} as a whole,
 * as a merge patch replaces arrays). One step is added or removed under {@code /activities/{code}/steps}: both change
 * the activity and its version, so both answer the activity (201 with its Location, 200) and take its If-Match.
 * Steps live in this class: Jersey never falls back from one root resource to another.
 */
@Component(service = ActivityResource.class, property = RestWhiteboard.RESOURCE)
@Path("activities")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource extends CodedResource<Activity, ActivityValues, ActivityDto> {
    private static final String STEP_RESOURCE = "activity step";

    /** Optional and dynamic: without the tasks module these endpoints answer 503, and recover with it. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile ActivityService activities;

    public ActivityResource() {
        super("activity", ActivityDto.class, ActivityDto::of, ActivityDto::toValues);
    }

    @GET
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "code or description contains, in any case",
            schema = @Schema(type = "string"))
    public Page<ActivityDto> list(@Context UriInfo uri) {
        QueryParameters filters = QueryParameters.forList(uri, "q");
        return page(running().list(filters.text("q"), Paging.from(filters)));
    }

    /** Adds one step, numbered last + 1 when the body has no {@code step}. */
    @POST
    @Path("{code}/steps")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201", description = "Added; the answer is the activity, Location and ETag name it",
            content = @Content(schema = @Schema(implementation = ActivityDto.class)))
    public Response addStep(@PathParam("code") String code, ActivityStepDto step,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri) {
        QueryParameters.only(uri);
        IfMatch precondition = IfMatch.parse(ifMatch);
        ActivityStepDto given = RequestBody.required(step);
        ActivityDto changed = ActivityDto.of(running().addStep(code, given.toValues(),
                precondition.expectedVersion()));
        URI location = uri.getBaseUriBuilder().path(ActivityResource.class).segment(changed.code()).build();
        return Responses.created(location, changed);
    }

    /** Removes one step; 200 with the activity, whose version changes. */
    @DELETE
    @Path("{code}/steps/{step}")
    @ApiResponse(responseCode = "200", description = "Removed; the answer is the activity, ETag its new version",
            useReturnTypeSchema = true)
    public ActivityDto deleteStep(@PathParam("code") String code, @PathParam("step") String step,
            @HeaderParam(IfMatch.HEADER) String ifMatch, @Context UriInfo uri) {
        QueryParameters.only(uri);
        int number = number(code, step);
        IfMatch precondition = IfMatch.parse(ifMatch);
        return ActivityDto.of(running().deleteStep(code, number, precondition.expectedVersion()));
    }

    @Override
    protected Calls<Activity, ActivityValues> service() {
        ActivityService service = running();
        return new Calls<>(service::get, service::create, service::update, service::delete);
    }

    /** @throws NotFoundException the path segment is not a step number, so it names no step */
    private static int number(String code, String step) {
        String text = step.trim();
        if (text.matches("[0-9]{1,9}")) {
            return Integer.parseInt(text);
        }
        throw new NotFoundException(STEP_RESOURCE, Codes.normalise(code) + "/" + step);
    }

    private ActivityService running() {
        return Module.running(activities, "tasks");
    }
}
