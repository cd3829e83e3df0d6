package org.opportune.rest.internal.resources;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.NotAcceptableException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.opportune.api.RestWhiteboard;
import org.opportune.api.ValidationException;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ReportService;
import org.opportune.rest.internal.dto.ReportInfoDto;
import org.opportune.rest.internal.dto.ReportResultDto;
import org.opportune.rest.internal.http.QueryParameters;
import org.opportune.rest.internal.render.CsvTable;
import org.opportune.rest.internal.render.SvgChart;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /reports}: the reports registered now, and one run with its parameters from the query string,
 * as JSON, CSV ({@code Accept: text/csv}) or, for reports with a chart, SVG ({@code Accept: image/svg+xml}).
 */
@Component(service = ReportsResource.class, property = RestWhiteboard.RESOURCE)
@Path("reports")
public class ReportsResource {

    /** Optional and dynamic: without the reporting module these endpoints answer 503, and recover with it. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile ReportService reports;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ReportInfoDto> list(@Context UriInfo uri) {
        QueryParameters.only(uri);
        return service().reports().stream().map(ReportInfoDto::of).toList();
    }

    /** JSON is the default: it wins when the client accepts anything. */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON + ";qs=1")
    @Operation(summary = "Runs a report; its parameters (as listed by GET /reports) are query parameters",
            responses = @ApiResponse(responseCode = "200",
                    description = "The report's rows and totals; Accept: text/csv gives the rows as CSV, "
                            + "image/svg+xml the chart of a report that has one (else 406)",
                    content = { @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReportResultDto.class)),
                        @Content(mediaType = CsvTable.MEDIA_TYPE, schema = @Schema(type = "string")),
                        @Content(mediaType = SvgChart.MEDIA_TYPE, schema = @Schema(type = "string")) }))
    public ReportResultDto json(@PathParam("id") String id, @Context UriInfo uri) {
        return ReportResultDto.of(run(id, uri));
    }

    @GET
    @Path("{id}")
    @Produces(CsvTable.MEDIA_TYPE + ";qs=0.5")
    @Hidden // one operation in the document: json's, with the three media types
    public Response csv(@PathParam("id") String id, @Context UriInfo uri) {
        ReportResult result = run(id, uri);
        return Response.ok(CsvTable.of(result), CsvTable.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"" + result.id() + ".csv\"").build();
    }

    @GET
    @Path("{id}")
    @Produces(SvgChart.MEDIA_TYPE + ";qs=0.5")
    @Hidden // one operation in the document: json's, with the three media types
    public Response svg(@PathParam("id") String id, @Context UriInfo uri) {
        ReportResult result = run(id, uri);
        if (result.chart() == null) {
            throw new NotAcceptableException("report " + result.id() + " has no chart; ask for application/json or"
                    + " text/csv");
        }
        return Response.ok(SvgChart.of(result), SvgChart.MEDIA_TYPE).build();
    }

    private ReportResult run(String id, UriInfo uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (values.size() > 1) {
                throw new ValidationException(name, "is given more than once");
            }
            parameters.put(name, values.isEmpty() ? "" : values.get(0));
        });
        return service().run(id, parameters);
    }

    private ReportService service() {
        return Module.running(reports, "reporting");
    }
}
