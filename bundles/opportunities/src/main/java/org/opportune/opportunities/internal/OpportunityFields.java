package org.opportune.opportunities.internal;

import org.opportune.api.Violations;
import org.opportune.api.contact.Contact;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.salesperson.Salesperson;

/** Checks of the editable fields as a caller gives them. */
final class OpportunityFields {
    private OpportunityFields() {
    }

    /** @param create on create the salesperson may be left out (it defaults to the contact's) */
    static void checkEditable(Violations violations, EditableInput input, boolean create) {
        violations.requiredText("description", trimmed(input.description()), Opportunity.DESCRIPTION_LENGTH)
                .requiredText("contactNo", trimmed(input.contactNo()), Contact.NO_LENGTH);
        if (create) {
            violations.maxLength("salespersonCode", trimmed(input.salespersonCode()), Salesperson.CODE_LENGTH);
        } else if (input.salespersonCode() == null || input.salespersonCode().isBlank()) {
            violations.add("salespersonCode", "is required: the salesperson can never be cleared");
        } else {
            violations.maxLength("salespersonCode", trimmed(input.salespersonCode()), Salesperson.CODE_LENGTH);
        }
        violations.requiredText("salesCycleCode", trimmed(input.salesCycleCode()), SalesCycle.CODE_LENGTH);
    }

    static String trimmed(String text) {
        return text == null ? null : text.trim();
    }
}
