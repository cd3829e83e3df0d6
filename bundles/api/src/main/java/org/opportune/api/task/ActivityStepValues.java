package org.opportune.api.task;

/**
 * A step as a client gives it.
 *
 * @param step        1 or more; null on {@link ActivityService#addStep} takes the next number (last + 1)
 * @param type        required
 * @param description up to {@value ActivityStep#DESCRIPTION_LENGTH} characters, required
 * @param priority    null for {@link TaskPriority#NORMAL}
 * @param dateFormula a date formula, or null for the same day
 */
public record ActivityStepValues(Integer step, TaskType type, String description, TaskPriority priority,
        String dateFormula) {
}
