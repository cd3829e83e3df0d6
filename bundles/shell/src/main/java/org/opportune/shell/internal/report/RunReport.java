package org.opportune.shell.internal.report;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opportune.api.ValidationException;
import org.opportune.api.report.ReportColumn;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ReportService;
import org.opportune.api.report.ValueType;
import org.opportune.shell.internal.OpportuneCommand;

@Service
@Command(scope = "report", name = "run", description = "Runs a report and prints its rows as a table, then its totals")
public class RunReport extends OpportuneCommand {

    @Reference(optional = true)
    private ReportService reports;

    @Argument(index = 0, name = "id", description = "The report's id (report:list shows them)", required = true)
    @Completion(ReportIdCompleter.class)
    String id;

    @Argument(index = 1, name = "parameters", description = "The report's parameters as name=value",
            multiValued = true)
    List<String> parameters;

    @Override
    protected void run() {
        Map<String, String> given = new LinkedHashMap<>();
        if (parameters != null) {
            for (String parameter : parameters) {
                int equals = parameter.indexOf('=');
                if (equals < 1) {
                    throw new ValidationException(parameter, "is not of the form name=value");
                }
                given.put(parameter.substring(0, equals).trim(), parameter.substring(equals + 1).trim());
            }
        }
        ReportResult result = require(reports, "reporting").run(id, given);
        System.out.println(result.title());
        ShellTable table = new ShellTable();
        for (ReportColumn column : result.columns()) {
            var col = table.column(column.title() == null ? column.name() : column.title());
            if (column.type() == ValueType.INTEGER || column.type() == ValueType.DECIMAL) {
                col.alignRight();
            }
        }
        for (Map<String, Object> row : result.rows()) {
            table.addRow().addContent(result.columns().stream().map(column -> shown(row.get(column.name())))
                    .toArray());
        }
        table.print(System.out);
        if (!result.totals().isEmpty()) {
            StringBuilder totals = new StringBuilder("Totals:");
            result.totals().forEach((name, value) -> totals.append(' ').append(name).append('=')
                    .append(shown(value)));
            System.out.println(totals);
        }
    }

    private static String shown(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString() : value.toString();
    }
}
