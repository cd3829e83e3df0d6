package org.opportune.api.task;

public enum TaskPriority {
    LOW, NORMAL, HIGH
}
