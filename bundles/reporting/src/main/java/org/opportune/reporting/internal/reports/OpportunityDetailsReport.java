package org.opportune.reporting.internal.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.report.Report;
import org.opportune.api.report.ReportArguments;
import org.opportune.api.report.ReportParameter;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ValueType;
import org.opportune.api.statistics.OpportunityStatistics;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.opportune.api.task.Task;
import org.opportune.api.task.TaskQuery;
import org.opportune.api.task.TaskService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * NAV "Opportunity – Details": one opportunity's entry history, with the days of each entry and per stage. The
 * rows are the entries; the totals add the days per stage and the opportunity's tasks (every status, by date), or,
 * while the tasks module is not running, {@value #TASKS_UNAVAILABLE} saying so: the history does not need it.
 */
@Component(service = Report.class, property = Report.ID_PROPERTY + "=opportunity-details")
public class OpportunityDetailsReport extends BuiltInReport {
    static final String TASKS = "tasks";
    static final String TASKS_UNAVAILABLE = "tasksUnavailable";

    private final OpportunityService opportunities;
    private final OpportunityStatisticsService statistics;
    private final OptionalService<TaskService> tasks = new OptionalService<>("tasks");

    @Activate
    public OpportunityDetailsReport(@Reference OpportunityService opportunities,
            @Reference OpportunityStatisticsService statistics) {
        super("opportunity-details", "Opportunity – Details",
                "One opportunity's history, oldest entry first, with the days each entry stayed active; the totals"
                        + " give the days spent at each stage and the opportunity's tasks.",
                List.of(ReportParameter.required("opportunityNo", ValueType.STRING, "the opportunity")));
        this.opportunities = opportunities;
        this.statistics = statistics;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindTasks(TaskService service) {
        tasks.bind(service);
    }

    void unbindTasks(TaskService service) {
        tasks.unbind(service);
    }

    @Override
    public ReportResult run(Map<String, Object> parameters) {
        String no = ReportArguments.of(parameters).text("opportunityNo");
        OpportunityStatistics figures = statistics.opportunity(no);
        ReportResult.Builder result = ReportResult.builder(id(), title()).parameters(parameters)
                .column("entryNo", ValueType.INTEGER, "Entry No.")
                .column("dateOfChange", ValueType.DATE, "Date of Change")
                .column("stage", ValueType.INTEGER, "Stage")
                .column("stageDescription", ValueType.STRING, "Description")
                .column("actionTaken", ValueType.STRING, "Action Taken")
                .column("active", ValueType.BOOLEAN, "Active")
                .column("daysOpen", ValueType.INTEGER, "Days Open")
                .column("estimatedValue", ValueType.DECIMAL, "Estimated Value")
                .column("chancesOfSuccessPercent", ValueType.DECIMAL, "Chances of Success %")
                .column("probabilityPercent", ValueType.DECIMAL, "Probability %")
                .column("calculatedCurrentValue", ValueType.DECIMAL, "Calc. Current Value")
                .column("estimatedCloseDate", ValueType.DATE, "Estimated Close Date")
                .column("closeCode", ValueType.STRING, "Close Code");
        int offset = 0;
        List<OpportunityEntry> page;
        do {
            page = opportunities.entries(no, PageRequest.of(offset, PageRequest.MAX_LIMIT, "entryNo")).items();
            for (OpportunityEntry entry : page) {
                Map<String, Object> row = result.row();
                row.put("entryNo", entry.entryNo());
                row.put("dateOfChange", entry.dateOfChange());
                row.put("stage", (long) entry.stage());
                row.put("stageDescription", entry.stageDescription());
                row.put("actionTaken", entry.actionTaken().name());
                row.put("active", entry.active());
                row.put("daysOpen", (long) entry.daysOpen());
                row.put("estimatedValue", entry.estimatedValue());
                row.put("chancesOfSuccessPercent", entry.chancesOfSuccessPercent());
                row.put("probabilityPercent", entry.probabilityPercent());
                row.put("calculatedCurrentValue", entry.calculatedCurrentValue());
                row.put("estimatedCloseDate", entry.estimatedCloseDate());
                row.put("closeCode", entry.closeCode());
            }
            offset += page.size();
        } while (page.size() == PageRequest.MAX_LIMIT);
        result.total("entries", figures.entries()).total("daysOpen", figures.daysOpen())
                .total("status", figures.status().name())
                .total("daysPerStage", figures.daysPerStage().stream().map(stage -> Map.of("stage", stage.stage(),
                        "description", stage.description() == null ? "" : stage.description(), "entries",
                        stage.entries(), "days", stage.days())).toList());
        tasks.get().ifPresentOrElse(service -> result.total(TASKS, tasksOf(service, no)),
                () -> result.total(TASKS_UNAVAILABLE, tasks.unavailable()));
        return result.build();
    }

    /** Every task of the opportunity the caller may see (the service scopes a salesperson to its own). */
    private static List<Map<String, Object>> tasksOf(TaskService service, String no) {
        TaskQuery query = new TaskQuery(no, null, null, null, null, null, null);
        List<Map<String, Object>> shown = new ArrayList<>();
        Page<Task> page;
        do {
            page = service.list(query, PageRequest.of(shown.size(), PageRequest.MAX_LIMIT, "date,no"));
            for (Task task : page.items()) {
                shown.add(shown(task));
            }
        } while (page.items().size() == PageRequest.MAX_LIMIT);
        return shown;
    }

    /** A task as the totals show it; a map that keeps nulls (an open task has no completion date). */
    private static Map<String, Object> shown(Task task) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("no", task.no());
        shown.put("type", task.type().name());
        shown.put("description", task.description());
        shown.put("date", task.date());
        shown.put("priority", task.priority().name());
        shown.put("status", task.status().name());
        shown.put("salespersonCode", task.salespersonCode());
        shown.put("dateCompleted", task.dateCompleted());
        return shown;
    }
}
