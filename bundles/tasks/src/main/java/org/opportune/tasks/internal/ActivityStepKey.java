package org.opportune.tasks.internal;

import java.io.Serializable;
import java.util.Objects;

/** The key of an activity's step: the activity's code and the step's number. */
public class ActivityStepKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String activityCode;
    private int step;

    public ActivityStepKey() {
    }

    ActivityStepKey(String activityCode, int step) {
        this.activityCode = activityCode;
        this.step = step;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActivityStepKey key && key.step == step
                && Objects.equals(key.activityCode, activityCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(activityCode, step);
    }

    /** As messages name a step, e.g. {@code INIT/2}. */
    @Override
    public String toString() {
        return activityCode + "/" + step;
    }
}
