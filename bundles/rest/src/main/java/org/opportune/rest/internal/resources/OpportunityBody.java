package org.opportune.rest.internal.resources;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Supplier;

import org.opportune.api.ValidationException;
import org.opportune.api.opportunity.Activation;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.rest.internal.json.ShownAmounts;

/**
 * An opportunity as a client sends it: the fields of {@link Opportunity} plus, on create only,
 * {@code activate} to start it at the first stage in the same transaction. The server-owned fields
 * are checked by the service; here only amounts are reconciled with how they are shown, so that a
 * client can send back what it read ({@code 25.00} for a stored {@code 25.00025}).
 */
public record OpportunityBody(String no, String description, String contactNo, String contactCompanyNo,
        String salespersonCode, String salesCycleCode, OpportunityPriority priority, LocalDate creationDate,
        OpportunityStatus status, Boolean closed, LocalDate dateClosed, Integer currentStage,
        BigDecimal estimatedValue, BigDecimal chancesOfSuccessPercent, BigDecimal completedPercent,
        BigDecimal probabilityPercent, BigDecimal calculatedCurrentValue, LocalDate estimatedCloseDate,
        String closeCode, SalesQuote salesQuote, Long version, Activation activate) {

    static final String ACTIVATE_FIELD = "activate";

    /** The opportunity as it is now, ready to be merge-patched. */
    static OpportunityBody of(Opportunity o) {
        return new OpportunityBody(o.no(), o.description(), o.contactNo(), o.contactCompanyNo(), o.salespersonCode(),
                o.salesCycleCode(), o.priority(), o.creationDate(), o.status(), o.closed(), o.dateClosed(),
                o.currentStage(), o.estimatedValue(), o.chancesOfSuccessPercent(), o.completedPercent(),
                o.probabilityPercent(), o.calculatedCurrentValue(), o.estimatedCloseDate(), o.closeCode(),
                o.salesQuote(), o.version(), null);
    }

    /** The opportunity to create; {@link #activate()} says whether to start it too. */
    Opportunity toNew() {
        return toOpportunity(estimatedValue, calculatedCurrentValue, salesQuote);
    }

    /**
     * The opportunity to change to. An amount that equals the current one as shown stands for the
     * current one; any other value goes to the service, which refuses a change of a server-owned field.
     *
     * @param current read only when the body has an amount to reconcile
     * @throws ValidationException the body has {@code activate}, which only a create takes
     */
    Opportunity toChange(Supplier<Opportunity> current) {
        if (activate != null) {
            throw new ValidationException(ACTIVATE_FIELD, "is taken on create only; start an existing opportunity"
                    + " with POST /opportunities/{no}/activate or /updates");
        }
        if (estimatedValue == null && calculatedCurrentValue == null && salesQuote == null) {
            return toNew();
        }
        Opportunity now = current.get();
        return toOpportunity(echoed(estimatedValue, now.estimatedValue()),
                echoed(calculatedCurrentValue, now.calculatedCurrentValue()), echoed(salesQuote, now.salesQuote()));
    }

    private Opportunity toOpportunity(BigDecimal ev, BigDecimal ccv, SalesQuote quote) {
        return new Opportunity(no, description, contactNo, contactCompanyNo, salespersonCode, salesCycleCode, priority,
                creationDate, status, closed, dateClosed, currentStage, ev, chancesOfSuccessPercent, completedPercent,
                probabilityPercent, ccv, estimatedCloseDate, closeCode, quote, version);
    }

    private static BigDecimal echoed(BigDecimal given, BigDecimal current) {
        return given != null && current != null && given.compareTo(ShownAmounts.shown(current)) == 0 ? current : given;
    }

    private static SalesQuote echoed(SalesQuote given, SalesQuote current) {
        return given != null && current != null && given.no() != null && given.no().equalsIgnoreCase(current.no())
                && given.amount() != null && given.amount().compareTo(ShownAmounts.shown(current.amount())) == 0
                ? current : given;
    }
}
