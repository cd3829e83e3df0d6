package org.opportune.api.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Closing an opportunity (DOMAIN §5 "Close"). Closed is final: no update, no second close, no reopen.
 *
 * @param outcome    required
 * @param closeCode  required, a close opportunity code of the outcome's type
 * @param dateClosed the later of today and the last date of change when null; never before the
 *                   last date of change
 * @param value      WON: the calculated current value, required and greater than 0 unless a sales
 *                   quote is linked (then the quote's amount is taken); LOST: must be null or 0
 */
public record Closing(CloseOutcome outcome, String closeCode, LocalDate dateClosed, BigDecimal value) {
}
