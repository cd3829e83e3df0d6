package org.opportune.api.task;

import java.util.List;

/**
 * An activity's editable fields.
 *
 * @param description up to {@value Activity#DESCRIPTION_LENGTH} characters, required
 * @param steps       the steps (numbers unique), null or empty for none
 */
public record ActivityValues(String description, List<ActivityStepValues> steps) {
}
