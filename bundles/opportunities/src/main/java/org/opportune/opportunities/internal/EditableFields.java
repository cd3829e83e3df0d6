package org.opportune.opportunities.internal;

import org.opportune.api.opportunity.OpportunityPriority;

/** The editable fields of an opportunity, checked, normalised and with the contact's company derived. */
record EditableFields(String description, String contactNo, String contactCompanyNo, String salespersonCode,
        String salesCycleCode, OpportunityPriority priority) {
}
