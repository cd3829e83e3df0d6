package org.opportune.shell.internal.task;

import java.time.Instant;
import java.time.LocalDate;

import org.opportune.api.task.Task;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskStatus;
import org.opportune.api.task.TaskType;
import org.opportune.shell.internal.Views.TaskView;

/**
 * The tasks the tests start from: two of JO's on opportunity OP000001 made by its move (an overdue call and a
 * meeting to come), one of AL's done by hand, and one canceled.
 */
final class Tasks {
    static final Instant MADE = Instant.parse("2024-02-20T10:00:00Z");

    static final Task CALL = new TaskView("TK000001", TaskType.PHONE_CALL, "Call the buyer", LocalDate.of(2024, 2, 25),
            TaskPriority.HIGH, TaskStatus.OPEN, "JO", "CT000002", "OP000001", 3L, "INIT", 1, null, 1L, "admin",
            MADE);
    static final Task MEETING = new TaskView("TK000002", TaskType.MEETING, "Present the offer",
            LocalDate.of(2024, 3, 5), TaskPriority.NORMAL, TaskStatus.OPEN, "JO", "CT000002", "OP000001", 3L, "INIT",
            2, null, 1L, "admin", MADE);
    static final Task DONE = new TaskView("TK000003", TaskType.TODO, "Send the brochure", LocalDate.of(2024, 2, 1),
            TaskPriority.LOW, TaskStatus.COMPLETED, "AL", "CT000001", null, null, null, null,
            LocalDate.of(2024, 2, 2), 2L, "alice", MADE);
    static final Task DROPPED = new TaskView("TK000004", TaskType.TODO, "Old follow-up", LocalDate.of(2024, 1, 10),
            TaskPriority.NORMAL, TaskStatus.CANCELED, "JO", "CT000002", "OP000001", 2L, "INIT", null, null, 2L,
            "admin", MADE);

    private Tasks() {
    }

    static FakeTaskService tasks() {
        return new FakeTaskService().with(CALL).with(MEETING).with(DONE).with(DROPPED);
    }
}
