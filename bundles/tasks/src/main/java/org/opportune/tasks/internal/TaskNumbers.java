package org.opportune.tasks.internal;

import java.util.Locale;

import org.opportune.persistence.NumberPattern;

/**
 * How a value of the sequence {@code TASK_NO} is written as a task's number ({@code TK000001}). The sequence is
 * drawn on the connection of the transaction that writes the task, so a number taken by a transaction that then
 * rolls back is lost: a gap, as NAV's number series allow.
 */
record TaskNumbers(NumberPattern pattern) {

    static TaskNumbers configured(TasksConfig config) {
        return new TaskNumbers(NumberPattern.configured(TasksConfig.PID, config.numberPrefix(), config.numberDigits()));
    }

    String format(long value) {
        // Locale.ROOT: ASCII digits whatever the server's locale
        return pattern.prefix() + String.format(Locale.ROOT, "%0" + pattern.digits() + "d", value);
    }
}
