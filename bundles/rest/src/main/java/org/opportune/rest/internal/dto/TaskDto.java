package org.opportune.rest.internal.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AccessMode;

import org.opportune.api.ValidationException;
import org.opportune.api.Violations;
import org.opportune.api.task.NewTask;
import org.opportune.api.task.Task;
import org.opportune.api.task.TaskChange;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskStatus;
import org.opportune.api.task.TaskType;

/**
 * A task as the API answers it and as a body sends it (DOMAIN §10). On create a client gives {@code type},
 * {@code description}, {@code date} and optionally {@code priority}, {@code salespersonCode}, {@code contactNo} and
 * {@code opportunityNo}; the others are the server's. Only {@code description}, {@code date}, {@code priority} and
 * {@code salespersonCode} change later: every other field is left out or sent as read, else a 400 names it.
 */
@Schema(name = "Task")
public record TaskDto(
        @Schema(description = "The key, from a number series (e.g. TK000001); read-only",
                accessMode = AccessMode.READ_ONLY) String no,
        @Schema(description = "Required on create; cannot change afterwards") TaskType type,
        @Schema(maxLength = Task.DESCRIPTION_LENGTH) String description,
        @Schema(description = "When it is due") LocalDate date,
        @Schema(description = "NORMAL when left out on create") TaskPriority priority,
        @Schema(description = "OPEN until completed or canceled (both final); changed by POST /tasks/{no}/complete"
                + " and /cancel; read-only", accessMode = AccessMode.READ_ONLY) TaskStatus status,
        @Schema(description = "The salesperson the task is for; on create it defaults to the opportunity's, a"
                + " salesperson caller's own or the contact's") String salespersonCode,
        @Schema(description = "On create only; defaults to the opportunity's contact") String contactNo,
        @Schema(description = "On create only; null for a task without opportunity") String opportunityNo,
        @Schema(description = "The opportunity entry whose move made the task; null for one made by hand;"
                + " read-only", accessMode = AccessMode.READ_ONLY) Long opportunityEntryNo,
        @Schema(description = "The activity the task was made from; null for one made by hand; read-only",
                accessMode = AccessMode.READ_ONLY) String activityCode,
        @Schema(description = "The activity's step the task was made from; read-only",
                accessMode = AccessMode.READ_ONLY) Integer step,
        @Schema(description = "When it was completed; null unless COMPLETED; read-only",
                accessMode = AccessMode.READ_ONLY) LocalDate dateCompleted,
        @Schema(description = ServerOwned.VERSION, accessMode = AccessMode.READ_ONLY) Long version,
        @Schema(description = ServerOwned.CHANGED_BY, accessMode = AccessMode.READ_ONLY) String changedBy,
        @Schema(description = ServerOwned.CHANGED_AT, accessMode = AccessMode.READ_ONLY) Instant changedAt)
        implements RecordJson<TaskDto> {

    private static final String SET_ON_CREATE = "is set when the task is made and cannot change";

    public static TaskDto of(Task task) {
        return new TaskDto(task.no(), task.type(), task.description(), task.date(), task.priority(), task.status(),
                task.salespersonCode(), task.contactNo(), task.opportunityNo(), task.opportunityEntryNo(),
                task.activityCode(), task.step(), task.dateCompleted(), task.version(), task.changedBy(),
                task.changedAt());
    }

    public NewTask toNew() {
        return new NewTask(type, description, date, priority, salespersonCode, contactNo, opportunityNo);
    }

    /**
     * The change from {@code current} to this body: the editable fields that differ, the others null (kept), so
     * that sending back the salesperson as read is no hand-over.
     */
    public TaskChange changeFrom(TaskDto current) {
        return new TaskChange(differing(description, current.description()), differing(date, current.date()),
                differing(priority, current.priority()), differing(salespersonCode, current.salespersonCode()));
    }

    /** @throws ValidationException an editable field is missing: a task always has all four */
    public void requireEditable() {
        new Violations().required("description", description).required("date", date)
                .required("priority", priority).required("salespersonCode", salespersonCode).throwIfAny();
    }

    /** On create the number, status, what a move records and the audit fields are the server's. */
    @Override
    public void refuseServerOwned(ServerOwned owned) {
        owned.unset("no", no, "is set by the server from the number series").unset("status", status)
                .unset("opportunityEntryNo", opportunityEntryNo).unset("activityCode", activityCode)
                .unset("step", step).unset("dateCompleted", dateCompleted, "is set by POST /tasks/{no}/complete");
        RecordJson.super.refuseServerOwned(owned);
    }

    /** On a change everything but the four editable fields is left out or as read. */
    @Override
    public void refuseChanged(TaskDto current, ServerOwned owned) {
        owned.key("no", no, current.no());
        createdWith(owned, "type", type, current.type());
        owned.same("status", status, current.status());
        createdWith(owned, "contactNo", contactNo, current.contactNo());
        createdWith(owned, "opportunityNo", opportunityNo, current.opportunityNo());
        owned.same("opportunityEntryNo", opportunityEntryNo, current.opportunityEntryNo())
                .same("activityCode", activityCode, current.activityCode()).same("step", step, current.step())
                .same("dateCompleted", dateCompleted, current.dateCompleted());
        RecordJson.super.refuseChanged(current, owned);
    }

    private static void createdWith(ServerOwned owned, String field, Object given, Object current) {
        if (given != null && !given.equals(current)) {
            owned.add(field, SET_ON_CREATE + " (current " + current + ")");
        }
    }

    private static <T> T differing(T given, T current) {
        return Objects.equals(given, current) ? null : given;
    }
}
