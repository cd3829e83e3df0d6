package org.opportune.rest.internal.dto;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.task.ActivityStep;
import org.opportune.api.task.ActivityStepValues;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskType;

/**
 * One numbered step of an activity as the API answers it and as a body sends it (DOMAIN §10): it becomes one task
 * when an opportunity enters a stage that names the activity.
 */
@Schema(name = "ActivityStep", description = "One numbered step of an activity: it becomes one task")
public record ActivityStepDto(
        @Schema(description = "1 or more; steps are ordered by it, gaps allowed. Left out when adding one step:"
                + " the last number + 1", minimum = "1") Integer step,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) TaskType type,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ActivityStep.DESCRIPTION_LENGTH)
        String description,
        @Schema(description = "NORMAL when left out") TaskPriority priority,
        @Schema(description = "Applied to the entry's date of change for the task's date, e.g. 2D or 1W; null for"
                + " the same day") String dateFormula) {

    public static ActivityStepDto of(ActivityStep step) {
        return new ActivityStepDto(step.step(), step.type(), step.description(), step.priority(), step.dateFormula());
    }

    public ActivityStepValues toValues() {
        return new ActivityStepValues(step, type, description, priority, dateFormula);
    }
}
