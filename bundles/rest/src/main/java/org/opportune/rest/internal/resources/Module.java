package org.opportune.rest.internal.resources;

import org.opportune.api.UnavailableException;
import org.opportune.api.statistics.OpportunityStatisticsService;

/**
 * The service of a module as a resource reaches it: every reference is optional and dynamic, so that without
 * the module its endpoints answer 503 and recover when it returns.
 */
final class Module {

    private Module() {
    }

    /**
     * @param module the module's name, e.g. {@code salespeople}
     * @throws UnavailableException the module is not running
     */
    static <S> S running(S service, String module) {
        if (service == null) {
            throw new UnavailableException("the " + module + " module is not available");
        }
        return service;
    }

    /** @throws UnavailableException while the opportunities module, which computes statistics, is not running */
    static OpportunityStatisticsService statistics(OpportunityStatisticsService statistics) {
        if (statistics == null) {
            throw new UnavailableException("the opportunities module, which computes statistics, is not available");
        }
        return statistics;
    }
}
