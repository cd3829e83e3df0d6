package org.opportune.reporting.internal.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.opportune.api.ValidationException;
import org.opportune.api.report.Report;
import org.opportune.api.report.ReportArguments;
import org.opportune.api.report.ReportParameter;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ValueType;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.api.task.SalespersonTasks;
import org.opportune.api.task.TaskService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Per salesperson, the tasks open now, the overdue ones among them, and the ones completed in a period (DOMAIN
 * §10), counted by the database. The task service counts only what the caller may see, so a {@code salesperson}
 * gets its own row. Refused (503) while the tasks module is not running; without the salespeople module the names
 * stay empty.
 */
@Component(service = Report.class, property = Report.ID_PROPERTY + "=tasks-by-salesperson")
public class TasksBySalespersonReport extends BuiltInReport {
    private final OptionalService<TaskService> tasks = new OptionalService<>("tasks");
    private final OptionalService<SalespersonService> salespeople = new OptionalService<>("salespeople");

    public TasksBySalespersonReport() {
        super("tasks-by-salesperson", "Tasks by salesperson",
                "Per salesperson, the open tasks, how many of them are overdue, and the tasks completed in the"
                        + " period; totals over every salesperson shown.",
                List.of(ReportParameter.optional("from", ValueType.DATE, "completed on or after"),
                        ReportParameter.optional("to", ValueType.DATE, "completed on or before"),
                        ReportParameter.optional("salespersonCode", ValueType.STRING, "only this salesperson's")));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindTasks(TaskService service) {
        tasks.bind(service);
    }

    void unbindTasks(TaskService service) {
        tasks.unbind(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSalespeople(SalespersonService service) {
        salespeople.bind(service);
    }

    void unbindSalespeople(SalespersonService service) {
        salespeople.unbind(service);
    }

    @Override
    public ReportResult run(Map<String, Object> parameters) {
        ReportArguments args = ReportArguments.of(parameters);
        LocalDate from = args.date("from");
        LocalDate to = args.date("to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new ValidationException("to", "must not be before from (" + from + ")");
        }
        String only = args.text("salespersonCode");
        TaskService service = tasks.require();
        ReportResult.Builder result = ReportResult.builder(id(), title()).parameters(parameters)
                .column("salespersonCode", ValueType.STRING, "Salesperson")
                .column("salespersonName", ValueType.STRING, "Name")
                .column("open", ValueType.INTEGER, "Open")
                .column("overdue", ValueType.INTEGER, "Overdue")
                .column("completed", ValueType.INTEGER, "Completed");
        long open = 0;
        long overdue = 0;
        long completed = 0;
        // one row per salesperson: few enough to pick the one asked for here
        for (SalespersonTasks counts : service.countsBySalesperson(from, to)) {
            if (only != null && !only.equalsIgnoreCase(counts.salespersonCode())) {
                continue;
            }
            Map<String, Object> row = result.row();
            row.put("salespersonCode", counts.salespersonCode());
            row.put("salespersonName", nameOf(counts.salespersonCode()));
            row.put("open", counts.open());
            row.put("overdue", counts.overdue());
            row.put("completed", counts.completed());
            open += counts.open();
            overdue += counts.overdue();
            completed += counts.completed();
        }
        return result.total("open", open).total("overdue", overdue).total("completed", completed).build();
    }

    private String nameOf(String salespersonCode) {
        return salespeople.get().flatMap(service -> service.find(salespersonCode)).map(Salesperson::name)
                .orElse(null);
    }
}
