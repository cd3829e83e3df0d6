package org.opportune.reporting.internal.reports;

import java.util.List;

import org.opportune.api.report.Report;
import org.opportune.api.report.ReportParameter;

/** What every built-in report declares about itself. */
abstract class BuiltInReport implements Report {
    private final String id;
    private final String title;
    private final String description;
    private final List<ReportParameter> parameters;

    BuiltInReport(String id, String title, String description, List<ReportParameter> parameters) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.parameters = List.copyOf(parameters);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<ReportParameter> parameters() {
        return parameters;
    }
}
