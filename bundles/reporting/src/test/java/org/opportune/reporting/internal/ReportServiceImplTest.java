package org.opportune.reporting.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.Test;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.ValidationException;
import org.opportune.api.report.Report;
import org.opportune.api.report.ReportInfo;
import org.opportune.api.report.ReportParameter;
import org.opportune.api.report.ReportRegistrationInfo;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ValueType;

public class ReportServiceImplTest {
    private final List<String> refusals = new ArrayList<>();
    private final ReportServiceImpl service = new ReportServiceImpl(refusals::add);

    /** Echoes its typed parameters as its only row. */
    private static Report echo(String id, String title, ReportParameter... parameters) {
        return new Report() {
            public String id() {
                return id;
            }

            public String title() {
                return title;
            }

            public String description() {
                return "echo";
            }

            public List<ReportParameter> parameters() {
                return List.of(parameters);
            }

            public ReportResult run(Map<String, Object> typed) {
                return new ReportResult(id, title, typed, List.of(), List.of(typed), Map.of(), null);
            }
        };
    }

    private void register(Report report, int ranking, long serviceId) {
        register(report, report.id(), ranking, serviceId);
    }

    private void register(Report report, String id, int ranking, long serviceId) {
        service.addReport(report, Map.of(Report.ID_PROPERTY, id, "service.ranking", ranking, "service.id",
                serviceId), "test.bundle");
    }

    @Test
    public void parametersAreTypedAndDefaultsFilledIn() {
        register(echo("all", "All types", ReportParameter.required("day", ValueType.DATE, ""),
                ReportParameter.optional("n", ValueType.INTEGER, ""),
                ReportParameter.optional("amount", ValueType.DECIMAL, ""),
                ReportParameter.optional("flag", ValueType.BOOLEAN, ""),
                ReportParameter.builder("period", ValueType.STRING).allowedValues(List.of("MONTH", "QUARTER"))
                        .defaultValue("MONTH").build(),
                ReportParameter.optional("unused", ValueType.STRING, "")), 0, 1);
        Map<String, Object> typed = service.run("all", Map.of("day", "2024-02-15", "n", "7", "amount", "12.50",
                "flag", "TRUE")).parameters();
        assertEquals(Map.of("day", LocalDate.of(2024, 2, 15), "n", 7L, "amount", new BigDecimal("12.50"), "flag",
                true, "period", "MONTH"), typed);
        assertEquals("allowed values ignore case and keep their spelling", "QUARTER",
                service.run("all", Map.of("day", "2024-02-15", "period", "quarter")).parameters().get("period"));
    }

    @Test
    public void everyBadParameterIsNamedAtOnce() {
        register(echo("all", "All types", ReportParameter.required("day", ValueType.DATE, ""),
                ReportParameter.optional("n", ValueType.INTEGER, ""),
                ReportParameter.optional("flag", ValueType.BOOLEAN, ""),
                ReportParameter.builder("period", ValueType.STRING).allowedValues(List.of("MONTH", "QUARTER"))
                        .build()), 0, 1);
        ValidationException refused = assertThrows(ValidationException.class, () -> service.run("all",
                Map.of("n", "seven", "flag", "yes", "period", "WEEK", "colour", "red")));
        Map<String, String> errors = refused.errors().stream().collect(Collectors.toMap(FieldError::field,
                FieldError::message));
        assertEquals(Map.of(
                "colour", "is not a parameter of report all (it takes day, n, flag, period)",
                "day", "is required",
                "n", "must be a whole number, is seven",
                "flag", "must be true or false, is yes",
                "period", "must be one of MONTH, QUARTER, is WEEK"), errors);
    }

    @Test
    public void wholeNumbersAreCheckedAgainstTheirRange() {
        register(echo("top", "Top", ReportParameter.count("n", "how many", 1, 500, 10)), 0, 1);
        assertEquals(10L, service.run("top", Map.of()).parameters().get("n"));
        assertEquals(500L, service.run("top", Map.of("n", "500")).parameters().get("n"));
        for (String outside : List.of("0", "501")) {
            ValidationException refused = assertThrows(ValidationException.class,
                    () -> service.run("top", Map.of("n", outside)));
            assertEquals(List.of(new FieldError("n", "must be from 1 to 500, is " + outside)), refused.errors());
        }
    }

    @Test
    public void theHighestRankedReportOfAnIdIsUsedAndListed() {
        Report builtIn = echo("pipeline", "Built-in");
        Report replacement = echo("pipeline", "Replacement");
        register(builtIn, 0, 1);
        register(replacement, 10, 2);
        register(echo("another", "Another"), 0, 3);
        assertEquals("Replacement", service.run("pipeline", Map.of()).title());
        assertEquals(List.of("another", "pipeline"), service.reports().stream().map(r -> r.id()).toList());
        assertEquals("Replacement", service.reports().get(1).title());
        assertEquals("test.bundle", service.reports().get(1).bundle());
        service.removeReport(replacement);
        assertEquals("Built-in", service.run("pipeline", Map.of()).title());
        service.removeReport(builtIn);
        assertThrows(NotFoundException.class, () -> service.run("pipeline", Map.of()));
    }

    @Test
    public void idsMatchIgnoringCaseAndARankingUpdateTakesEffect() {
        Report builtIn = echo("pipeline", "Built-in");
        Report replacement = echo("PIPELINE", "Replacement");
        register(builtIn, 5, 1);
        register(replacement, 0, 2);
        assertEquals("Built-in", service.run("Pipeline", Map.of()).title());
        assertEquals(List.of("pipeline"), service.reports().stream().map(ReportInfo::id).toList());

        service.updatedReport(replacement, Map.of(Report.ID_PROPERTY, "PIPELINE", "service.ranking", 10,
                "service.id", 2L));
        assertEquals("Replacement", service.run("pipeline", Map.of()).title());
        assertEquals(List.of("PIPELINE"), service.reports().stream().map(ReportInfo::id).toList());
        assertEquals(List.of(new ReportRegistrationInfo("PIPELINE", "Replacement", "test.bundle", false, 10, true,
                null), new ReportRegistrationInfo("pipeline", "Built-in", "test.bundle", false, 5, false, null)),
                service.registrations());
    }

    @Test
    public void aReportWhoseIdDiffersFromItsPropertyIsRefusedVisiblyAndNeverRun() {
        register(echo("pipeline", "Built-in"), 0, 1);
        register(echo("impostor", "Impostor"), "pipeline", 10, 2);
        service.addReport(echo("nameless", "Nameless"), Map.of("service.id", 3L), null);

        assertEquals("Built-in", service.run("pipeline", Map.of()).title());
        assertThrows(NotFoundException.class, () -> service.run("impostor", Map.of()));
        assertThrows(NotFoundException.class, () -> service.run("nameless", Map.of()));
        assertEquals(List.of("pipeline"), service.reports().stream().map(ReportInfo::id).toList());
        String conflict = "its id() is 'impostor' but its opportune.report.id service property is 'pipeline'; "
                + "they must be the same";
        String missing = "it has no opportune.report.id service property, which names it";
        assertEquals(List.of(new ReportRegistrationInfo("nameless", "Nameless", null, false, 0, false, missing),
                new ReportRegistrationInfo("pipeline", "Impostor", "test.bundle", false, 10, false, conflict),
                new ReportRegistrationInfo("pipeline", "Built-in", "test.bundle", false, 0, true, null)),
                service.registrations());
        assertEquals(List.of("report pipeline of bundle test.bundle is refused: " + conflict,
                "report nameless is refused: " + missing), refusals);
    }
}
