package org.opportune.shell.internal.report;

import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opportune.api.report.ReportInfo;
import org.opportune.api.report.ReportService;
import org.opportune.shell.internal.OpportuneCommand;

@Service
@Command(scope = "report", name = "list", description = "Lists the reports installed now, with their parameters")
public class ListReports extends OpportuneCommand {

    @Reference(optional = true)
    private ReportService reports;

    @Override
    protected void run() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Title");
        table.column("Parameters (* required)");
        table.column("Chart");
        table.column("Bundle");
        for (ReportInfo report : require(reports, "reporting").reports()) {
            table.addRow().addContent(report.id(), report.title(), report.parameters().stream()
                    .map(parameter -> parameter.name() + (parameter.required() ? "*" : ""))
                    .collect(Collectors.joining(" ")), report.chart() ? "yes" : "", report.bundle());
        }
        table.print(System.out);
    }
}
