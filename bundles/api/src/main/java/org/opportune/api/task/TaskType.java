package org.opportune.api.task;

/** What a task is, as NAV's to-do types. */
public enum TaskType {
    TODO, MEETING, PHONE_CALL
}
