package org.opportune.rest.internal.dto;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AccessMode;

import org.opportune.api.ValidationException;
import org.opportune.api.Violations;
import org.opportune.api.task.Activity;
import org.opportune.api.task.ActivityStepValues;
import org.opportune.api.task.ActivityValues;

/**
 * An activity as the API answers it and as a body sends it (DOMAIN §10), with its steps. A body's {@code steps}
 * replace the activity's (left out or empty: none, the activity then makes one TODO task); the steps own no
 * server fields, the activity's version covers them.
 */
@Schema(name = "Activity", description = "What a salesperson has to do when an opportunity enters a stage that"
        + " names the activity: each step becomes one task; without steps, one TODO task with the description")
public record ActivityDto(@Schema(maxLength = Activity.CODE_LENGTH) String code,
        @Schema(maxLength = Activity.DESCRIPTION_LENGTH) String description,
        List<ActivityStepDto> steps,
        @Schema(description = ServerOwned.VERSION + "; it changes with every change of the activity or its steps",
                accessMode = AccessMode.READ_ONLY) Long version,
        @Schema(description = ServerOwned.CHANGED_BY, accessMode = AccessMode.READ_ONLY) String changedBy,
        @Schema(description = ServerOwned.CHANGED_AT, accessMode = AccessMode.READ_ONLY) Instant changedAt)
        implements CodedJson<ActivityDto> {

    public ActivityDto {
        // a copy that keeps null elements, so that toValues names them
        steps = steps == null ? null : Collections.unmodifiableList(new ArrayList<>(steps));
    }

    public static ActivityDto of(Activity activity) {
        return new ActivityDto(activity.code(), activity.description(),
                activity.steps().stream().map(ActivityStepDto::of).toList(), activity.version(),
                activity.changedBy(), activity.changedAt());
    }

    /** @throws ValidationException a step is {@code null} rather than an object */
    public ActivityValues toValues() {
        if (steps == null) {
            return new ActivityValues(description, null);
        }
        Violations violations = new Violations();
        List<ActivityStepValues> values = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) == null) {
                violations.add("steps[" + i + "]", "must be a step, not null");
            } else {
                values.add(steps.get(i).toValues());
            }
        }
        violations.throwIfAny();
        return new ActivityValues(description, values);
    }
}
