package org.opportune.api.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.opportune.api.opportunity.OpportunityStatus;

public class ReportResultTest {

    @Test
    public void aBuiltResultHasItsColumnsRowsTotalsAndChart() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("asOf", null);
        ReportResult.Builder builder = ReportResult.builder("open", "Open").parameters(parameters)
                .column("company", ValueType.STRING, "Company").column("count", ValueType.INTEGER, "Open");
        builder.row().put("company", "CT000001");
        builder.row(Map.of("company", "CT000003", "count", 2L)).total("count", 2L)
                .chart(new ChartSpec(ChartKind.BARS, "company", List.of("count")));

        ReportResult result = builder.build();

        assertEquals("open", result.id());
        assertEquals(List.of("company", "count"), result.columns().stream().map(ReportColumn::name).toList());
        assertEquals("CT000001", result.rows().get(0).get("company"));
        assertNull("a value not set is null", result.rows().get(0).get("count"));
        assertEquals(2L, result.rows().get(1).get("count"));
        assertEquals(Map.of("count", 2L), result.totals());
        assertEquals(ChartKind.BARS, result.chart().kind());
        assertEquals("null parameter values are kept", true, result.parameters().containsKey("asOf"));
    }

    @Test
    public void aRowNamingAnUnknownColumnIsRefused() {
        ReportResult.Builder builder = ReportResult.builder("open", "Open").column("company", ValueType.STRING, "C");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.row(Map.of("companny", "x")));
        assertEquals("the report has no column companny", e.getMessage());
    }

    @Test
    public void argumentsAreReadByType() {
        ReportArguments arguments = ReportArguments.of(Map.of("from", LocalDate.of(2024, 1, 1), "n", 10L,
                "status", "won"));

        assertEquals(LocalDate.of(2024, 1, 1), arguments.date("from"));
        assertEquals(Long.valueOf(10), arguments.integer("n"));
        assertEquals(OpportunityStatus.WON, arguments.enumValue("status", OpportunityStatus.class));
        assertNull(arguments.date("to"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> arguments.date("n"));
        assertEquals("report parameter n is a Long, not a LocalDate: declare it with the matching ValueType",
                e.getMessage());
    }
}
