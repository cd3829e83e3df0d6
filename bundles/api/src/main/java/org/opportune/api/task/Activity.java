package org.opportune.api.task;

import java.util.List;

import org.opportune.api.Audited;
import org.osgi.annotation.versioning.ProviderType;

/** An activity (DOMAIN §10): what a salesperson has to do when an opportunity enters a stage that names it. */
@ProviderType
public interface Activity extends Audited {
    int CODE_LENGTH = 10;
    int DESCRIPTION_LENGTH = 100;

    /** @return upper-case, e.g. {@code INIT} */
    String code();

    String description();

    /** @return the steps by number; empty means one {@link TaskType#TODO} task with the activity's description */
    List<ActivityStep> steps();

    long version();
}
