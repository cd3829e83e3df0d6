package org.opportune.shell.internal.report;

import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.report.ReportInfo;
import org.opportune.api.report.ReportService;
import org.opportune.shell.internal.OpportuneCommand;
import org.opportune.shell.internal.RecordTable;

@Service
@Command(scope = "report", name = "list", description = "Lists the reports installed now, with their parameters")
public class ListReports extends OpportuneCommand {

    @Reference(optional = true)
    private ReportService reports;

    @Override
    protected void run() {
        new RecordTable<ReportInfo>()
                .column("Id", ReportInfo::id)
                .column("Title", ReportInfo::title)
                .column("Parameters (* required)", report -> report.parameters().stream()
                        .map(parameter -> parameter.name() + (parameter.required() ? "*" : ""))
                        .collect(Collectors.joining(" ")))
                .column("Chart", report -> report.chart() ? "yes" : "")
                .column("Bundle", ReportInfo::bundle)
                .print(require(reports, "reporting").reports(), System.out);
    }
}
