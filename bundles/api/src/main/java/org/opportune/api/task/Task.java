package org.opportune.api.task;

import java.time.LocalDate;

import org.opportune.api.Audited;
import org.osgi.annotation.versioning.ProviderType;

/** A salesperson's task (NAV's to-do), made by a move into a stage that names an activity or by hand. */
@ProviderType
public interface Task extends Audited {
    int NO_LENGTH = 20;
    int DESCRIPTION_LENGTH = 100;

    /** @return the key, e.g. {@code TK000001} */
    String no();

    TaskType type();

    String description();

    /** @return when it is due */
    LocalDate date();

    TaskPriority priority();

    TaskStatus status();

    String salespersonCode();

    /** @return null for a hand-made task without contact */
    String contactNo();

    /** @return null for a hand-made task without opportunity */
    String opportunityNo();

    /** @return the opportunity entry whose move made the task; null for a hand-made one */
    Long opportunityEntryNo();

    /** @return the activity the task was made from; null for a hand-made one */
    String activityCode();

    /** @return the activity's step the task was made from; null for a hand-made one and a step-less activity */
    Integer step();

    /** @return when it was completed; null unless {@link TaskStatus#COMPLETED} */
    LocalDate dateCompleted();

    long version();
}
