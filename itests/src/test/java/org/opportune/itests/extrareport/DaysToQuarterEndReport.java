package org.opportune.itests.extrareport;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.opportune.api.report.Report;
import org.opportune.api.report.ReportArguments;
import org.opportune.api.report.ReportParameter;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ValueType;

/** A third party's report: the days left in the quarter of a given day. */
public class DaysToQuarterEndReport implements Report {
    public static final String ID = "days-to-quarter-end";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Days to Quarter End";
    }

    @Override
    public String description() {
        return "How many days are left in the quarter of a day";
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of(ReportParameter.required("day", ValueType.DATE, "the day"));
    }

    @Override
    public ReportResult run(Map<String, Object> parameters) {
        LocalDate day = ReportArguments.of(parameters).date("day");
        LocalDate quarterEnd = LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 3, 1)
                .plusMonths(1).minusDays(1);
        long days = quarterEnd.toEpochDay() - day.toEpochDay();
        return ReportResult.builder(ID, title()).parameters(parameters)
                .column("quarterEnd", ValueType.DATE, "Quarter End").column("days", ValueType.INTEGER, "Days")
                .row(Map.of("quarterEnd", quarterEnd, "days", days)).build();
    }
}
