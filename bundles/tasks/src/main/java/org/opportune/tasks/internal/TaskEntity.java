package org.opportune.tasks.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.opportune.api.task.Activity;
import org.opportune.api.task.Task;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskStatus;
import org.opportune.api.task.TaskType;
import org.opportune.persistence.AuditedEntity;

/**
 * A task. The service writes hand-made tasks and every change through this entity; the move participant inserts
 * and cancels rows with plain JDBC on the move's connection (see {@link TaskParticipant}), column for column as
 * mapped here.
 */
@Entity
@Table(name = "TASK")
public class TaskEntity extends AuditedEntity {
    @Id
    @Column(name = "TASK_NO", length = Task.NO_LENGTH)
    private String no;

    @Enumerated(EnumType.STRING)
    @Column(name = "TYPE", nullable = false)
    private TaskType type;

    @Column(name = "DESCRIPTION", length = Task.DESCRIPTION_LENGTH, nullable = false)
    private String description;

    @Column(name = "TASK_DATE", nullable = false)
    private LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(name = "PRIORITY", nullable = false)
    private TaskPriority priority;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false)
    private TaskStatus status;

    @Column(name = "SALESPERSON_CODE", nullable = false)
    private String salespersonCode;

    @Column(name = "CONTACT_NO")
    private String contactNo;

    @Column(name = "OPPORTUNITY_NO")
    private String opportunityNo;

    @Column(name = "OPPORTUNITY_ENTRY_NO")
    private Long opportunityEntryNo;

    @Column(name = "ACTIVITY_CODE", length = Activity.CODE_LENGTH)
    private String activityCode;

    @Column(name = "STEP")
    private Integer step;

    @Column(name = "DATE_COMPLETED")
    private LocalDate dateCompleted;

    protected TaskEntity() {
    }

    /** A task made by hand: open, of no activity. */
    TaskEntity(String no, CheckedTask values) {
        this.no = no;
        this.type = values.type();
        this.description = values.description();
        this.date = values.date();
        this.priority = values.priority();
        this.status = TaskStatus.OPEN;
        this.salespersonCode = values.salespersonCode();
        this.contactNo = values.contactNo();
        this.opportunityNo = values.opportunityNo();
    }

    String no() {
        return no;
    }

    TaskStatus status() {
        return status;
    }

    String salespersonCode() {
        return salespersonCode;
    }

    void describe(String description) {
        this.description = description;
    }

    void reschedule(LocalDate date) {
        this.date = date;
    }

    void prioritise(TaskPriority priority) {
        this.priority = priority;
    }

    void assign(String salespersonCode) {
        this.salespersonCode = salespersonCode;
    }

    void complete(LocalDate on) {
        status = TaskStatus.COMPLETED;
        dateCompleted = on;
    }

    void cancel() {
        status = TaskStatus.CANCELED;
    }

    TaskView toView() {
        return new TaskView(no, type, description, date, priority, status, salespersonCode, contactNo, opportunityNo,
                opportunityEntryNo, activityCode, step, dateCompleted, version(), changedBy(), changedAt());
    }
}
