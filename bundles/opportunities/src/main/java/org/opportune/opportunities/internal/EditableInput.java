package org.opportune.opportunities.internal;

import org.opportune.api.opportunity.NewOpportunity;
import org.opportune.api.opportunity.OpportunityChange;
import org.opportune.api.opportunity.OpportunityPriority;

/** The editable fields as a caller gives them, on create and on change alike: not yet checked. */
record EditableInput(String description, String contactNo, String salespersonCode, String salesCycleCode,
        OpportunityPriority priority) {

    static EditableInput of(NewOpportunity input) {
        return new EditableInput(input.description(), input.contactNo(), input.salespersonCode(),
                input.salesCycleCode(), input.priority());
    }

    static EditableInput of(OpportunityChange input) {
        return new EditableInput(input.description(), input.contactNo(), input.salespersonCode(),
                input.salesCycleCode(), input.priority());
    }

    /** @return these fields with the salesperson code replaced */
    EditableInput withSalespersonCode(String code) {
        return new EditableInput(description, contactNo, code, salesCycleCode, priority);
    }
}
