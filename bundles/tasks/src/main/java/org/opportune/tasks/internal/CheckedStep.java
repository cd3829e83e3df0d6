package org.opportune.tasks.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.opportune.api.ValidationException;
import org.opportune.api.Violations;
import org.opportune.api.dateformula.DateFormula;
import org.opportune.api.task.ActivityStep;
import org.opportune.api.task.ActivityStepValues;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskType;

/**
 * A step's values once checked: the number given, the priority defaulted, the formula in its canonical text (null
 * for the same day).
 */
record CheckedStep(int step, TaskType type, String description, TaskPriority priority, String dateFormula) {
    /** As long as a stage's formula may be. */
    static final int DATE_FORMULA_LENGTH = 32;

    /**
     * Checks every field of one step, adding each fault.
     *
     * @param prefix what the fields are named after, e.g. {@code steps[0].}; empty for a step given on its own
     * @param number the step's number: as given, or the next one on {@code addStep}
     * @return the checked values; meaningless once a fault was added
     */
    static CheckedStep check(Violations violations, String prefix, ActivityStepValues values, Integer number) {
        if (number == null) {
            violations.add(prefix + "step", "is required");
        } else if (number < 1) {
            violations.add(prefix + "step", "must be 1 or more (got " + number + ")");
        }
        violations.required(prefix + "type", values.type());
        violations.requiredText(prefix + "description", values.description(), ActivityStep.DESCRIPTION_LENGTH);
        String formula = null;
        try {
            formula = DateFormula.parse(values.dateFormula(), prefix + "dateFormula").toString();
            violations.maxLength(prefix + "dateFormula", formula, DATE_FORMULA_LENGTH);
        } catch (ValidationException e) {
            e.errors().forEach(error -> violations.add(error.field(), error.message()));
        }
        return new CheckedStep(number == null ? 0 : number, values.type(), values.description(),
                Objects.requireNonNullElse(values.priority(), TaskPriority.NORMAL),
                formula == null || formula.isEmpty() ? null : formula);
    }

    /**
     * Checks the steps of an activity: every field, numbers not repeated.
     *
     * @return the checked steps by ascending number
     */
    static Map<Integer, CheckedStep> checkAll(Violations violations, List<ActivityStepValues> steps) {
        Map<Integer, CheckedStep> checked = new TreeMap<>();
        Map<Integer, Integer> firstIndex = new HashMap<>();
        List<ActivityStepValues> given = steps == null ? List.of() : steps;
        for (int i = 0; i < given.size(); i++) {
            String prefix = "steps[" + i + "].";
            ActivityStepValues step = given.get(i);
            if (step == null) {
                violations.add("steps[" + i + "]", "must be a step, not null");
                continue;
            }
            CheckedStep values = check(violations, prefix, step, step.step());
            if (step.step() == null) {
                continue;
            }
            Integer first = firstIndex.putIfAbsent(step.step(), i);
            if (first != null) {
                violations.add(prefix + "step", "repeats step " + step.step() + " of steps[" + first + "]");
                continue;
            }
            checked.put(values.step(), values);
        }
        return checked;
    }
}
