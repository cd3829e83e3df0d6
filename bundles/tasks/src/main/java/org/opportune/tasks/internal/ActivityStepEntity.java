package org.opportune.tasks.internal;

import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

import org.opportune.api.task.Activity;
import org.opportune.api.task.ActivityStep;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskType;

/** One step of an activity, linked to it by the activity's code (the database deletes it with the activity). */
@Entity
@IdClass(ActivityStepKey.class)
@Table(name = "ACTIVITY_STEP")
public class ActivityStepEntity {
    @Id
    @Column(name = "ACTIVITY_CODE", length = Activity.CODE_LENGTH)
    private String activityCode;

    @Id
    @Column(name = "STEP")
    private int step;

    @Enumerated(EnumType.STRING)
    @Column(name = "TYPE", nullable = false)
    private TaskType type;

    @Column(name = "DESCRIPTION", length = ActivityStep.DESCRIPTION_LENGTH, nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "PRIORITY", nullable = false)
    private TaskPriority priority;

    /** The canonical text of the formula, null for the same day. */
    @Column(name = "DATE_FORMULA", length = CheckedStep.DATE_FORMULA_LENGTH)
    private String dateFormula;

    protected ActivityStepEntity() {
    }

    ActivityStepEntity(String activityCode, int step) {
        this.activityCode = activityCode;
        this.step = step;
    }

    String activityCode() {
        return activityCode;
    }

    int step() {
        return step;
    }

    /** @return true when a value changed */
    boolean apply(CheckedStep values) {
        boolean changed = type != values.type() || !Objects.equals(description, values.description())
                || priority != values.priority() || !Objects.equals(dateFormula, values.dateFormula());
        type = values.type();
        description = values.description();
        priority = values.priority();
        dateFormula = values.dateFormula();
        return changed;
    }

    ActivityStepView toView() {
        return new ActivityStepView(step, type, description, priority, dateFormula);
    }
}
