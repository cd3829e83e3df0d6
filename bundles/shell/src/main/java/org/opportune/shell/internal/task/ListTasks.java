package org.opportune.shell.internal.task;

import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.ValidationException;
import org.opportune.api.task.Task;
import org.opportune.api.task.TaskQuery;
import org.opportune.api.task.TaskService;
import org.opportune.api.task.TaskStatus;
import org.opportune.shell.internal.OptionValues;
import org.opportune.shell.internal.PagedListCommand;
import org.opportune.shell.internal.RecordTable;
import org.opportune.shell.internal.contact.ContactNoCompleter;
import org.opportune.shell.internal.opportunity.Dates;
import org.opportune.shell.internal.opportunity.OpportunityNoCompleter;
import org.opportune.shell.internal.salesperson.SalespersonCodeCompleter;

/** The tasks the login may see (a {@code salesperson} its own only), a page at a time. */
@Service
@Command(scope = "task", name = "list", description = "Lists tasks, a page at a time")
public class ListTasks extends PagedListCommand {

    @Reference(optional = true)
    private TaskService tasks;

    @Option(name = "--opportunity", description = "Only the tasks of this opportunity")
    @Completion(OpportunityNoCompleter.class)
    String opportunityNo;

    @Option(name = "--salesperson", description = "Only the tasks of this salesperson")
    @Completion(SalespersonCodeCompleter.class)
    String salespersonCode;

    @Option(name = "--contact", description = "Only the tasks with this contact")
    @Completion(ContactNoCompleter.class)
    String contactNo;

    @Option(name = "--status", description = "Only tasks with this status: OPEN, COMPLETED or CANCELED")
    @Completion(TaskStatusCompleter.class)
    String status;

    @Option(name = "--overdue", description = "Only open tasks dated before today")
    boolean overdue;

    @Option(name = "--from", description = "Only tasks dated on or after this day, YYYY-MM-DD")
    String dateFrom;

    @Option(name = "--to", description = "Only tasks dated on or before this day, YYYY-MM-DD")
    String dateTo;

    @Override
    protected void run() {
        LocalDate from = Dates.parse("dateFrom", dateFrom);
        LocalDate to = Dates.parse("dateTo", dateTo);
        if (from != null && to != null && to.isBefore(from)) {
            throw new ValidationException("dateTo", "must not be before dateFrom (" + from + ")");
        }
        TaskQuery query = new TaskQuery(opportunityNo, salespersonCode, contactNo,
                OptionValues.oneOf("status", status, TaskStatus.class), from, to, overdue ? Boolean.TRUE : null);
        print(new RecordTable<Task>()
                .column("No.", Task::no)
                .column("Type", Task::type)
                .column("Description", Task::description)
                .column("Date", Task::date)
                .column("Priority", Task::priority)
                .column("Status", Task::status)
                .column("Salesperson", Task::salespersonCode)
                .column("Contact", Task::contactNo)
                .column("Opportunity", Task::opportunityNo)
                .column("Completed", Task::dateCompleted),
                require(tasks, "tasks").list(query, pageRequest()));
    }
}
