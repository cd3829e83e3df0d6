package org.opportune.api.task;

/** A task is open until it is completed or canceled; both are final. */
public enum TaskStatus {
    OPEN, COMPLETED, CANCELED;

    public boolean isFinal() {
        return this != OPEN;
    }
}
