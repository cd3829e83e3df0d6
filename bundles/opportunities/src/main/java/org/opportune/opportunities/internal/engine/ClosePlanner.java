package org.opportune.opportunities.internal.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.Violations;
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Closing;
import org.opportune.api.opportunity.Opportunity;

/** Plans the closing entry of a WON or LOST close (DOMAIN §4 "Closing entries", §5 "Close"). */
public final class ClosePlanner {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ClosePlanner() {
    }

    /** Checks what is invalid in itself (400); a WON value may be left out only when a quote is linked. */
    public static void checkInput(Violations violations, Closing input, boolean salesQuoteLinked) {
        violations.required("outcome", input.outcome())
                .required("closeCode", input.closeCode())
                .maxLength("closeCode", input.closeCode(), CloseOpportunityCode.CODE_LENGTH);
        if (input.outcome() == CloseOutcome.WON) {
            if (input.value() == null && !salesQuoteLinked) {
                violations.add("value", "is required to close as WON when no sales quote is linked");
            }
            Inputs.positiveAmount(violations, "value", input.value());
        } else if (input.outcome() == CloseOutcome.LOST && input.value() != null && input.value().signum() != 0) {
            violations.add("value", "is taken only when closing as WON; a LOST opportunity's value is 0");
        }
    }

    /**
     * @param current          an open opportunity
     * @param lastDateOfChange the active entry's date of change, null when not started
     * @param closeCode        the close code, checked to be of the outcome's type
     * @throws ConflictException the closing date is before the last date of change
     */
    public static PlannedEntry plan(Opportunity current, LocalDate lastDateOfChange, Closing input, String closeCode,
            LocalDate today) {
        LocalDate dateClosed = input.dateClosed() != null ? input.dateClosed()
                : lastDateOfChange != null && lastDateOfChange.isAfter(today) ? lastDateOfChange : today;
        if (lastDateOfChange != null && dateClosed.isBefore(lastDateOfChange)) {
            String message = "must not be before the last date of change " + lastDateOfChange + " (got " + dateClosed
                    + ")";
            throw new ConflictException("dateClosed " + message, List.of(new FieldError("dateClosed", message)));
        }
        BigDecimal estimatedValue = current.estimatedValue() == null ? BigDecimal.ZERO : current.estimatedValue();
        if (input.outcome() == CloseOutcome.WON) {
            BigDecimal value = current.salesQuote() != null ? current.salesQuote().amount() : input.value();
            return new PlannedEntry(0, null, current.currentStage(), ActionTaken.WON, dateClosed, estimatedValue,
                    HUNDRED, HUNDRED, HUNDRED, value, dateClosed, closeCode);
        }
        return new PlannedEntry(0, null, current.currentStage(), ActionTaken.LOST, dateClosed, estimatedValue,
                BigDecimal.ZERO, HUNDRED, BigDecimal.ZERO, BigDecimal.ZERO, dateClosed, closeCode);
    }
}
