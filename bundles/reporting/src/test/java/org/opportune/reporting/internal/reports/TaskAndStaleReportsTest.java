package org.opportune.reporting.internal.reports;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.Test;

import org.opportune.api.UnavailableException;
import org.opportune.api.ValidationException;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.api.report.ReportResult;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.api.statistics.OpportunityStatistics;
import org.opportune.api.task.SalespersonTasks;
import org.opportune.api.task.Task;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskQuery;
import org.opportune.api.task.TaskService;
import org.opportune.api.task.TaskStatus;
import org.opportune.api.task.TaskType;
import org.opportune.reporting.internal.reports.Fakes.Call;

/** The reports of DOMAIN §10 and §11: the tasks of opportunity-details, tasks-by-salesperson, stale-opportunities. */
public class TaskAndStaleReportsTest {
    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    private final List<Call> calls = new ArrayList<>();

    /** A task with the fields the reports show. */
    record ShownTask(String no, TaskType type, String description, LocalDate date, TaskPriority priority,
            TaskStatus status, String salespersonCode, LocalDate dateCompleted) implements Task {
        static ShownTask open(String no, LocalDate date) {
            return new ShownTask(no, TaskType.PHONE_CALL, "Call " + no, date, TaskPriority.HIGH, TaskStatus.OPEN, "JO",
                    null);
        }

        public String contactNo() {
            return "CT000001";
        }

        public String opportunityNo() {
            return "OP000001";
        }

        public Long opportunityEntryNo() {
            return null;
        }

        public String activityCode() {
            return null;
        }

        public Integer step() {
            return null;
        }

        public long version() {
            return 1;
        }

        public String changedBy() {
            return null;
        }

        public Instant changedAt() {
            return null;
        }
    }

    /** A stale deal in progress; the rest is empty. */
    record StaleDeal(String no, String salespersonCode, String salesCycleCode, Integer currentStage, Integer daysIdle,
            BigDecimal estimatedValue, BigDecimal calculatedCurrentValue) implements Opportunity {
        static StaleDeal of(String no, String salesperson, int stage, int daysIdle, String current) {
            return new StaleDeal(no, salesperson, "NEW", stage, daysIdle, new BigDecimal("100"),
                    new BigDecimal(current));
        }

        public OpportunityStatus status() {
            return OpportunityStatus.IN_PROGRESS;
        }

        public boolean closed() {
            return false;
        }

        public long version() {
            return 1;
        }

        public String description() {
            return "Deal " + no;
        }

        public String contactNo() {
            return null;
        }

        public String contactCompanyNo() {
            return null;
        }

        public OpportunityPriority priority() {
            return null;
        }

        public LocalDate creationDate() {
            return null;
        }

        public LocalDate dateClosed() {
            return null;
        }

        public BigDecimal chancesOfSuccessPercent() {
            return null;
        }

        public BigDecimal completedPercent() {
            return null;
        }

        public BigDecimal probabilityPercent() {
            return null;
        }

        public LocalDate estimatedCloseDate() {
            return null;
        }

        public String closeCode() {
            return null;
        }

        public SalesQuote salesQuote() {
            return null;
        }

        public String changedBy() {
            return null;
        }

        public Instant changedAt() {
            return null;
        }
    }

    // ---------------------------------------------------------------- opportunity-details

    private OpportunityDetailsReport details() {
        FakeStatistics statistics = new FakeStatistics();
        statistics.opportunity = new OpportunityStatistics("OP000001", OpportunityStatus.IN_PROGRESS, 1, null, null,
                null, null, null, 0, 0, List.of());
        OpportunityService opportunities = Fakes.answering(OpportunityService.class, calls,
                Map.of("entries", args -> Fakes.slice(List.of(), args, 1)));
        return new OpportunityDetailsReport(opportunities, statistics);
    }

    private TaskService listingTasks(List<Task> tasks) {
        return Fakes.answering(TaskService.class, calls, Map.of("list", args -> Fakes.slice(tasks, args, 1)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tasksShown(ReportResult result) {
        return (List<Map<String, Object>>) result.totals().get(OpportunityDetailsReport.TASKS);
    }

    @Test
    public void detailsShowEveryTaskOfTheOpportunityInTheTotalsReadPageByPage() {
        OpportunityDetailsReport report = details();
        List<Task> tasks = new ArrayList<>();
        tasks.add(new ShownTask("TK000001", TaskType.MEETING, "Meet", DAY, TaskPriority.LOW, TaskStatus.COMPLETED,
                "KIM", DAY.plusDays(1)));
        IntStream.rangeClosed(2, 501).forEach(i -> tasks.add(ShownTask.open("TK%06d".formatted(i), DAY)));
        report.bindTasks(listingTasks(tasks));

        ReportResult result = report.run(Map.of("opportunityNo", "OP000001"));

        assertTrue("the entries stay the rows", result.rows().isEmpty());
        List<Map<String, Object>> shown = tasksShown(result);
        assertEquals("both pages", 501, shown.size());
        Map<String, Object> done = shown.get(0);
        assertEquals(List.of("no", "type", "description", "date", "priority", "status", "salespersonCode",
                "dateCompleted"), List.copyOf(done.keySet()));
        assertEquals("TK000001", done.get("no"));
        assertEquals("MEETING", done.get("type"));
        assertEquals("COMPLETED", done.get("status"));
        assertEquals("LOW", done.get("priority"));
        assertEquals("KIM", done.get("salespersonCode"));
        assertEquals(DAY.plusDays(1), done.get("dateCompleted"));
        assertNull("an open task has no completion date", shown.get(1).get("dateCompleted"));
        assertEquals("OPEN", shown.get(1).get("status"));
        TaskQuery asked = (TaskQuery) calls.stream().filter(call -> call.method().equals("list")).findFirst()
                .orElseThrow().args().get(0);
        assertEquals(new TaskQuery("OP000001", null, null, null, null, null, null), asked);
        assertFalse(result.totals().containsKey(OpportunityDetailsReport.TASKS_UNAVAILABLE));
    }

    @Test
    public void detailsWithoutTheTasksModuleShowTheHistoryAndSayTasksAreUnavailable() {
        OpportunityDetailsReport report = details();
        ReportResult before = report.run(Map.of("opportunityNo", "OP000001"));
        assertEquals("the tasks module is not available",
                before.totals().get(OpportunityDetailsReport.TASKS_UNAVAILABLE));
        assertFalse(before.totals().containsKey(OpportunityDetailsReport.TASKS));
        assertEquals(0L, before.totals().get("entries"));

        TaskService first = listingTasks(List.of(ShownTask.open("TK000001", DAY)));
        TaskService second = listingTasks(List.of());
        report.bindTasks(first);
        report.bindTasks(second);
        report.unbindTasks(first); // the replacement came first: it stays
        assertEquals(List.of(), tasksShown(report.run(Map.of("opportunityNo", "OP000001"))));
        report.unbindTasks(second);
        assertTrue(report.run(Map.of("opportunityNo", "OP000001")).totals()
                .containsKey(OpportunityDetailsReport.TASKS_UNAVAILABLE));
    }

    // ---------------------------------------------------------------- tasks-by-salesperson

    private TasksBySalespersonReport tasksBySalesperson(List<SalespersonTasks> counts) {
        TasksBySalespersonReport report = new TasksBySalespersonReport();
        report.bindTasks(Fakes.answering(TaskService.class, calls, Map.of("countsBySalesperson", args -> counts)));
        return report;
    }

    private SalespersonService named(Map<String, String> names) {
        return Fakes.answering(SalespersonService.class, calls, Map.of("find", args -> Optional
                .ofNullable(names.get((String) args[0])).map(name -> Fakes.answering(Salesperson.class, calls,
                        Map.of("name", none -> name)))));
    }

    private static Map<String, Object> parameters(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    public void tasksBySalespersonShowsTheCountsOfEachSalespersonWithNameAndTotals() {
        TasksBySalespersonReport report = tasksBySalesperson(List.of(new SalespersonTasks("JO", 3, 1, 2),
                new SalespersonTasks("KIM", 4, 0, 5)));
        report.bindSalespeople(named(Map.of("JO", "Jo Doe")));

        ReportResult result = report.run(parameters("from", DAY, "to", DAY.plusDays(30)));

        assertEquals("Tasks by salesperson", result.title());
        assertEquals(List.of("salespersonCode", "salespersonName", "open", "overdue", "completed"),
                result.columns().stream().map(column -> column.name()).toList());
        assertEquals(Map.of("salespersonCode", "JO", "salespersonName", "Jo Doe", "open", 3L, "overdue", 1L,
                "completed", 2L), result.rows().get(0));
        assertNull("a salesperson not found has no name", result.rows().get(1).get("salespersonName"));
        assertEquals(Map.of("open", 7L, "overdue", 1L, "completed", 7L), result.totals());
        Call counted = calls.stream().filter(call -> call.method().equals("countsBySalesperson")).findFirst()
                .orElseThrow();
        assertEquals("the completion period", List.of(DAY, DAY.plusDays(30)), counted.args());
    }

    @Test
    public void tasksBySalespersonKeepsTheSalespersonAskedFor() {
        TasksBySalespersonReport report = tasksBySalesperson(List.of(new SalespersonTasks("JO", 3, 1, 2),
                new SalespersonTasks("KIM", 4, 0, 5)));
        ReportResult result = report.run(parameters("salespersonCode", "kim"));
        assertEquals(1, result.rows().size());
        assertEquals("KIM", result.rows().get(0).get("salespersonCode"));
        assertNull("no salespeople module: no names", result.rows().get(0).get("salespersonName"));
        assertEquals(Map.of("open", 4L, "overdue", 0L, "completed", 5L), result.totals());
        Call counted = calls.get(0);
        assertEquals("no period: every completion", Arrays.asList(null, null), counted.args());
    }

    @Test
    public void tasksBySalespersonIsRefusedWhileTheTasksModuleIsNotRunning() {
        TasksBySalespersonReport report = new TasksBySalespersonReport();
        try {
            report.run(Map.of());
            fail("refused");
        } catch (UnavailableException e) {
            assertEquals("the tasks module is not available", e.getMessage());
        }
    }

    @Test
    public void tasksBySalespersonRefusesAPeriodEndingBeforeItStarts() {
        try {
            tasksBySalesperson(List.of()).run(parameters("from", DAY, "to", DAY.minusDays(1)));
            fail("refused");
        } catch (ValidationException e) {
            assertEquals("to", e.errors().get(0).field());
        }
        assertTrue("nothing counted", calls.isEmpty());
    }

    // ---------------------------------------------------------------- stale-opportunities

    @Test
    public void staleOpportunitiesListsEveryStaleDealBySalespersonLongestIdleFirst() {
        List<Opportunity> deals = new ArrayList<>();
        deals.add(StaleDeal.of("OP000001", "KIM", 1, 3, "0.005"));
        deals.add(StaleDeal.of("OP000002", "JO", 2, 4, "0.005"));
        deals.add(StaleDeal.of("OP000003", "JO", 1, 9, "10"));
        // more than one page of the list
        IntStream.rangeClosed(4, 503).forEach(i -> deals.add(StaleDeal.of("OP%06d".formatted(i), "ZED", 1, 2, "0")));
        OpportunityService opportunities = Fakes.answering(OpportunityService.class, calls,
                Map.of("list", args -> Fakes.slice(deals, args, 1)));
        SalesCycleService cycles = Fakes.answering(SalesCycleService.class, calls, Map.of("findStage",
                args -> Optional.of(Fakes.answering(SalesCycleStage.class, new ArrayList<>(),
                        Map.of("maxDaysIdle", none -> (int) args[1] == 1 ? 2 : 3)))));

        ReportResult result = staleReport(opportunities, cycles)
                .run(parameters("salespersonCode", "JO", "salesCycleCode", "NEW"));

        assertEquals("Stale opportunities", result.title());
        assertEquals(503, result.rows().size());
        assertEquals(List.of("OP000003", "OP000002", "OP000001", "OP000004"),
                result.rows().stream().limit(4).map(row -> row.get("no")).toList());
        Map<String, Object> first = result.rows().get(0);
        assertEquals("JO", first.get("salespersonCode"));
        assertEquals("Deal OP000003", first.get("description"));
        assertEquals("NEW", first.get("salesCycleCode"));
        assertEquals(1L, first.get("currentStage"));
        assertEquals(9L, first.get("daysIdle"));
        assertEquals("the stage's limit", 2L, first.get("maxDaysIdle"));
        assertEquals(3L, result.rows().get(1).get("maxDaysIdle"));
        assertEquals(new BigDecimal("100"), first.get("estimatedValue"));
        assertEquals(503L, result.totals().get("count"));
        assertEquals(new BigDecimal("50300.00"), result.totals().get("estimatedValue"));
        assertEquals("summed unrounded, rounded once", new BigDecimal("10.01"),
                result.totals().get("calculatedCurrentValue"));

        OpportunityQuery asked = (OpportunityQuery) calls.stream().filter(call -> call.method().equals("list"))
                .findFirst().orElseThrow().args().get(0);
        assertEquals(Boolean.TRUE, asked.stale());
        assertEquals("JO", asked.salespersonCode());
        assertEquals("NEW", asked.salesCycleCode());
        assertEquals("one look-up per cycle and stage", 2,
                calls.stream().filter(call -> call.method().equals("findStage")).count());
    }

    @Test
    public void staleOpportunitiesWithNoneGiveZeroTotals() {
        OpportunityService opportunities = Fakes.answering(OpportunityService.class, calls,
                Map.of("list", args -> Fakes.slice(List.<Opportunity>of(), args, 1)));
        SalesCycleService cycles = Fakes.answering(SalesCycleService.class, calls, Map.of());
        ReportResult result = staleReport(opportunities, cycles).run(Map.of());
        assertTrue(result.rows().isEmpty());
        assertEquals(0L, result.totals().get("count"));
        assertEquals(new BigDecimal("0.00"), result.totals().get("estimatedValue"));
        assertEquals(new BigDecimal("0.00"), result.totals().get("calculatedCurrentValue"));
    }


    private static StaleOpportunitiesReport staleReport(OpportunityService opportunities, SalesCycleService cycles) {
        StaleOpportunitiesReport report = new StaleOpportunitiesReport(opportunities);
        report.bindCycles(cycles);
        return report;
    }
}
