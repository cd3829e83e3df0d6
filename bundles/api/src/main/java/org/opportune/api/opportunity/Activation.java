package org.opportune.api.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The values to start an opportunity with at its first stage when it is created (DOMAIN §5
 * "Create with activation"): the first entry is at the lowest stage with action {@code NONE} and
 * keeps the given chances.
 *
 * @param dateOfChange            today when null
 * @param estimatedValue          required, greater than 0
 * @param chancesOfSuccessPercent required, greater than 0 and at most 100
 * @param estimatedCloseDate      required, not before the date of change; when equal to it the
 *                                stage's date formula is applied to the date of change
 */
public record Activation(LocalDate dateOfChange, BigDecimal estimatedValue, BigDecimal chancesOfSuccessPercent,
        LocalDate estimatedCloseDate) {
}
