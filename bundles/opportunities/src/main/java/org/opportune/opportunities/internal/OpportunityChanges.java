package org.opportune.opportunities.internal;

import static org.opportune.api.Codes.normalise;
import static org.opportune.opportunities.internal.OpportunityFields.trimmed;

import java.util.List;
import java.util.Objects;

import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.ValidationException;
import org.opportune.api.contact.Contact;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityStatus;

/**
 * The editable fields of a new or changed opportunity, resolved through the other modules under
 * the rules of DOMAIN §2: the contact must exist and gives the company; the salesperson defaults to
 * the contact's and must be assignable; the cycle must be assignable and changes only while not
 * started; contact and salesperson do not change once closed; after the start a new contact must
 * belong to the same company. Only what changes is checked, so edits need only the modules they touch.
 */
final class OpportunityChanges {

    /** The fields of a new opportunity and the cycle it starts on. */
    record Assigned(EditableFields fields, SalesCycle cycle) {
    }

    private final Modules modules;

    OpportunityChanges(Modules modules) {
        this.modules = modules;
    }

    /** @param input checked by {@link OpportunityFields} */
    Assigned ofNew(EditableInput input) {
        Contact contact = existingContact(normalise(input.contactNo()));
        String companyNo = normalise(contact.companyNo());
        String salespersonCode = normalise(input.salespersonCode()) != null ? normalise(input.salespersonCode())
                : normalise(contact.salespersonCode());
        if (salespersonCode == null) {
            throw new ValidationException("salespersonCode", "is required: contact " + contact.no()
                    + " has no salesperson to take it from");
        }
        salespersonCode = modules.salespeople().requireAssignable(salespersonCode, "salespersonCode").code();
        SalesCycle cycle = modules.cycles().requireAssignable(normalise(input.salesCycleCode()), "salesCycleCode");
        return new Assigned(new EditableFields(trimmed(input.description()), contact.no(), companyNo, salespersonCode,
                cycle.code(), priority(input.priority())), cycle);
    }

    /** @param input checked by {@link OpportunityFields} */
    EditableFields ofChanged(EditableInput input, Opportunity current) {
        boolean started = current.status() != OpportunityStatus.NOT_STARTED;
        boolean closed = current.closed();
        String contactNo = normalise(input.contactNo());
        String companyNo = current.contactCompanyNo();
        if (!contactNo.equals(current.contactNo())) {
            if (closed) {
                throw refused("contactNo", "cannot change: opportunity " + current.no() + " is closed");
            }
            Contact contact = existingContact(contactNo);
            companyNo = normalise(contact.companyNo());
            if (started && !Objects.equals(companyNo, current.contactCompanyNo())) {
                throw refused("contactNo", "must belong to the same company as before once the opportunity is"
                        + " started (" + company(current.contactCompanyNo()) + "); contact " + contact.no()
                        + " belongs to " + company(companyNo));
            }
            contactNo = contact.no();
        }
        String salespersonCode = normalise(input.salespersonCode());
        if (!salespersonCode.equals(current.salespersonCode())) {
            if (closed) {
                throw refused("salespersonCode", "cannot change: opportunity " + current.no() + " is closed");
            }
            salespersonCode = modules.salespeople().requireAssignable(salespersonCode, "salespersonCode").code();
        }
        String cycleCode = normalise(input.salesCycleCode());
        if (!cycleCode.equals(current.salesCycleCode())) {
            if (started) {
                throw refused("salesCycleCode", "can change only while the opportunity is not started (it is "
                        + current.status() + ")");
            }
            cycleCode = modules.cycles().requireAssignable(cycleCode, "salesCycleCode").code();
        }
        return new EditableFields(trimmed(input.description()), contactNo, companyNo, salespersonCode, cycleCode,
                priority(input.priority()));
    }

    private Contact existingContact(String contactNo) {
        return modules.contacts().find(contactNo).orElseThrow(() -> new ValidationException("contactNo",
                "names contact " + contactNo + ", which does not exist"));
    }

    private static OpportunityPriority priority(OpportunityPriority given) {
        return given == null ? OpportunityPriority.NORMAL : given;
    }

    private static String company(String companyNo) {
        return companyNo == null ? "no company" : "company " + companyNo;
    }

    private static ConflictException refused(String field, String message) {
        return new ConflictException(field + " " + message, List.of(new FieldError(field, message)));
    }
}
