package org.opportune.api.task;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Tasks (DOMAIN §10, §12). Each call is one transaction. A {@code salesperson} caller sees and changes the tasks of
 * its own salesperson only (another's is missing, {@link org.opportune.api.NotFoundException}); a
 * {@code sales-viewer} changes nothing.
 */
@ProviderType
public interface TaskService {
    List<String> SORT_FIELDS = List.of("no", "date", "priority", "status", "type", "salespersonCode", "contactNo",
            "opportunityNo");

    /**
     * Makes a task by hand with the next number of the series.
     *
     * @throws org.opportune.api.ValidationException a field is invalid, or names an unknown salesperson, contact
     *                                               or opportunity
     */
    Task create(NewTask task);

    Optional<Task> find(String no);

    /** @throws org.opportune.api.NotFoundException there is no such task (or the caller may not see it) */
    Task get(String no);

    Page<Task> list(TaskQuery query, PageRequest page);

    /** @throws org.opportune.api.ConflictException the task is completed or canceled */
    Task change(String no, TaskChange change, Long expectedVersion);

    /** @param dateCompleted null for today */
    Task complete(String no, LocalDate dateCompleted, Long expectedVersion);

    Task cancel(String no, Long expectedVersion);

    /**
     * Counts per salesperson, over the tasks the caller may see, ordered by salesperson code; a salesperson with
     * no task counted is left out.
     *
     * @param completedFrom completed on or after this date; null for no lower bound
     * @param completedTo   completed on or before this date; null for no upper bound
     */
    List<SalespersonTasks> countsBySalesperson(LocalDate completedFrom, LocalDate completedTo);
}
