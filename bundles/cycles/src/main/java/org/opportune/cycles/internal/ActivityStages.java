package org.opportune.cycles.internal;

import java.util.List;

/**
 * Which stages name an activity, for {@link ActivityUsage}; the sales cycle service answers it on the module's
 * persistence unit. A service of this bundle only (the package is not exported).
 */
public interface ActivityStages {
    /**
     * @param activityCode a normalised code
     * @return the keys of every stage naming it, e.g. {@code STD/2}, by cycle code and stage number
     */
    List<String> stagesNaming(String activityCode);
}
