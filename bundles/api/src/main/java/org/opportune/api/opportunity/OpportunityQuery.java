package org.opportune.api.opportunity;

import java.time.LocalDate;

/**
 * Filters of an opportunity list; null means "any". Date ranges include both ends.
 *
 * @param text          no. or description contains this, case-insensitive
 * @param currentStage  the stage of the active entry (0 finds closed ones)
 */
public record OpportunityQuery(String text, OpportunityStatus status, Boolean closed, String salespersonCode,
        String contactNo, String contactCompanyNo, String salesCycleCode, Integer currentStage,
        OpportunityPriority priority, LocalDate creationDateFrom, LocalDate creationDateTo,
        LocalDate estimatedCloseDateFrom, LocalDate estimatedCloseDateTo) {

    public static final OpportunityQuery ALL = new OpportunityQuery(null, null, null, null, null, null, null, null,
            null, null, null, null, null);
}
