package org.opportune.api.task;

import org.osgi.annotation.versioning.ProviderType;

/** One numbered step of an {@link Activity}: it becomes one task. */
@ProviderType
public interface ActivityStep {
    int DESCRIPTION_LENGTH = 100;

    /** @return 1 or more; steps are ordered by it, gaps allowed */
    int step();

    TaskType type();

    String description();

    TaskPriority priority();

    /**
     * @return the date formula (see {@link org.opportune.api.dateformula.DateFormula}) applied to the entry's date
     *         of change for the task's date, canonical text; null for the same day
     */
    String dateFormula();
}
