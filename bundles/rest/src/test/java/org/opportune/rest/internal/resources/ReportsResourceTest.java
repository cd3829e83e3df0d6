package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opportune.rest.internal.resources.JsonAsserts.field;
import static org.opportune.rest.internal.resources.JsonAsserts.fieldNames;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.opportune.api.NotFoundException;
import org.opportune.api.ValidationException;
import org.opportune.api.report.ChartKind;
import org.opportune.api.report.ChartSpec;
import org.opportune.api.report.ReportInfo;
import org.opportune.api.report.ReportParameter;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ReportService;
import org.opportune.api.report.ValueType;
import org.opportune.rest.internal.http.SecurityHeaders;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

/** {@code /reports} over HTTP: the installed reports and a run as JSON, CSV or SVG, against canned results. */
public class ReportsResourceTest {
    private final ReportService service = mock(ReportService.class);
    private final ReportsResource resource = new ReportsResource();
    private InProcessApi api;

    @Before
    public void setUp() {
        resource.reports = service;
        api = new InProcessApi(resource);
        when(service.run(eq("pipeline"), anyMap())).thenReturn(pipeline(new ChartSpec(ChartKind.FUNNEL, "stage",
                List.of("count"))));
        when(service.run(eq("opportunity-list"), anyMap())).thenReturn(pipeline(null));
        when(service.run(eq("nothing"), anyMap())).thenThrow(new NotFoundException("report", "nothing"));
    }

    @Test
    public void theListNamesEachReportAndItsParameters() {
        when(service.reports()).thenReturn(List.of(new ReportInfo("pipeline", "Pipeline", "Open opportunities by"
                + " stage", List.of(ReportParameter.required("salesCycleCode", ValueType.STRING, "the cycle"),
                        ReportParameter.count("top", "how many", 1, 100, 10)), true, "org.opportune.reporting")));

        JsonNode reports = api.get("reports").json();

        assertEquals(List.of("id", "title", "description", "parameters", "chart", "bundle"),
                fieldNames(reports.get(0)));
        assertEquals("{\"name\":\"salesCycleCode\",\"type\":\"STRING\",\"required\":true,\"description\":\"the cycle\","
                + "\"allowedValues\":[],\"defaultValue\":null,\"min\":null,\"max\":null}",
                reports.get(0).get("parameters").get(0).toString());
        assertEquals("{\"name\":\"top\",\"type\":\"INTEGER\",\"required\":false,\"description\":\"how many\","
                + "\"allowedValues\":[],\"defaultValue\":\"10\",\"min\":1,\"max\":100}",
                reports.get(0).get("parameters").get(1).toString());
    }

    @Test
    public void aRunPassesTheQueryParametersAndAnswersTheRowsAsJson() {
        Reply reply = api.get("reports/pipeline?salesCycleCode=STD&asOf=2024-02-01");

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("{\"id\":\"pipeline\",\"title\":\"Pipeline\",\"parameters\":{\"salesCycleCode\":\"STD\"},"
                + "\"columns\":[{\"name\":\"stage\",\"type\":\"STRING\",\"title\":\"Stage\"},{\"name\":\"count\","
                + "\"type\":\"INTEGER\",\"title\":\"Entries\"},{\"name\":\"value\",\"type\":\"DECIMAL\",\"title\":"
                + "\"Value\"},{\"name\":\"day\",\"type\":\"DATE\",\"title\":\"Day\"}],\"rows\":[{\"stage\":\"Initial,"
                + " early\",\"count\":2,\"value\":1000.5,\"day\":\"2024-01-31\"}],\"totals\":{\"count\":2},"
                + "\"chart\":{\"kind\":\"FUNNEL\",\"labelColumn\":\"stage\",\"valueColumns\":[\"count\"]}}",
                reply.body());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("salesCycleCode", "STD");
        expected.put("asOf", "2024-02-01");
        verify(service).run("pipeline", expected);
    }

    @Test
    public void csvHasTheRowsUnderAHeaderLine() {
        Reply reply = api.request("GET", "reports/pipeline").as(InProcessApi.ADMIN).header("Accept", "text/csv")
                .send();

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("text/csv;charset=UTF-8", reply.header("Content-Type"));
        assertEquals("inline; filename=\"pipeline.csv\"", reply.header("Content-Disposition"));
        assertEquals("stage,count,value,day\r\n\"Initial, early\",2,1000.5,2024-01-31\r\n", reply.body());
    }

    @Test
    public void svgIsTheChartOfAReportThatHasOneAndA406Otherwise() {
        Reply chart = api.request("GET", "reports/pipeline").as(InProcessApi.ADMIN).header("Accept", "image/svg+xml")
                .send();

        assertEquals(chart.toString(), 200, chart.status());
        assertEquals("image/svg+xml", chart.header("Content-Type"));
        assertEquals(SecurityHeaders.SVG_POLICY, chart.header("Content-Security-Policy"));
        assertTrue(chart.body(), chart.body().startsWith("<svg ") && chart.body().contains("Initial, early: 2"));
        assertTrue(api.request("GET", "reports/opportunity-list").as(InProcessApi.ADMIN)
                .header("Accept", "image/svg+xml").send().problem(406, "not-acceptable").get("detail").asText()
                .contains("has no chart"));
    }

    @Test
    public void aRepeatedParameterAnUnknownReportAndTheReportsRefusalsAreProblems() {
        assertEquals("asOf", field(api.get("reports/pipeline?asOf=2024-01-01&asOf=2024-02-01")
                .problem(400, "validation"), 0));
        when(service.run(eq("forecast"), any())).thenThrow(new ValidationException("from", "is required"));
        assertEquals("from", field(api.get("reports/forecast").problem(400, "validation"), 0));
        api.get("reports/nothing").problem(404, "not-found");
    }

    @Test
    public void withoutTheReportingModuleIs503() {
        resource.reports = null;

        assertEquals("the reporting module is not available",
                api.get("reports").problem(503, "unavailable").get("detail").asText());
        api.get("reports/pipeline").problem(503, "unavailable");
        verify(service, never()).reports();
    }

    private static ReportResult pipeline(ChartSpec chart) {
        ReportResult.Builder result = ReportResult.builder(chart == null ? "opportunity-list" : "pipeline",
                "Pipeline").parameters(Map.of("salesCycleCode", "STD"))
                .column("stage", ValueType.STRING, "Stage").column("count", ValueType.INTEGER, "Entries")
                .column("value", ValueType.DECIMAL, "Value").column("day", ValueType.DATE, "Day")
                .row(Map.of("stage", "Initial, early", "count", 2L, "value", new BigDecimal("1000.5"), "day",
                        LocalDate.of(2024, 1, 31)))
                .total("count", 2L);
        return result.chart(chart).build();
    }
}
