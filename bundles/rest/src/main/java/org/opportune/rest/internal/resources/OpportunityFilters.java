package org.opportune.rest.internal.resources;

import org.opportune.api.ValidationException;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.rest.internal.http.QueryParameters;

/** The filters of {@code GET /opportunities}, each typed and checked: a bad value is a 400 naming the filter. */
final class OpportunityFilters {
    static final String[] NAMES = { "q", "status", "closed", "salespersonCode", "contactNo", "contactCompanyNo",
            "salesCycleCode", "currentStage", "priority", "creationDateFrom", "creationDateTo",
            "estimatedCloseDateFrom", "estimatedCloseDateTo", "stale" };

    private OpportunityFilters() {
    }

    /** @throws ValidationException a filter's value is not of its type */
    static OpportunityQuery of(QueryParameters parameters) {
        Integer currentStage = parameters.integer("currentStage");
        if (currentStage != null && currentStage < 0) {
            throw new ValidationException("currentStage", "must be 0 (closed) or a stage number (got "
                    + currentStage + ")");
        }
        return OpportunityQuery.all().withText(parameters.text("q"))
                .withStatus(parameters.enumValue("status", OpportunityStatus.class))
                .withClosed(parameters.bool("closed")).withSalespersonCode(parameters.text("salespersonCode"))
                .withContactNo(parameters.text("contactNo")).withContactCompanyNo(parameters.text("contactCompanyNo"))
                .withSalesCycleCode(parameters.text("salesCycleCode")).withCurrentStage(currentStage)
                .withPriority(parameters.enumValue("priority", OpportunityPriority.class))
                .withCreationDates(parameters.date("creationDateFrom"), parameters.date("creationDateTo"))
                .withEstimatedCloseDates(parameters.date("estimatedCloseDateFrom"),
                        parameters.date("estimatedCloseDateTo"))
                .withStale(parameters.bool("stale"));
    }
}
