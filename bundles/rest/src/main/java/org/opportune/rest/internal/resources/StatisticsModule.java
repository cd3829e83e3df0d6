package org.opportune.rest.internal.resources;

import org.opportune.api.UnavailableException;
import org.opportune.api.statistics.OpportunityStatisticsService;

/** The statistics the {@code …/statistics} endpoints answer with, which the opportunities module computes. */
final class StatisticsModule {

    private StatisticsModule() {
    }

    /** @throws UnavailableException while the opportunities module is not running */
    static OpportunityStatisticsService available(OpportunityStatisticsService statistics) {
        if (statistics == null) {
            throw new UnavailableException("the opportunities module, which computes statistics, is not available");
        }
        return statistics;
    }
}
