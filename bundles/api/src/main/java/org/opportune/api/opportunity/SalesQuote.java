package org.opportune.api.opportunity;

import java.math.BigDecimal;

/**
 * The sales quote linked to an opportunity (DOMAIN §5 "Quote link"): its amount becomes the default
 * estimated value of the next update and the calculated current value of a won close.
 *
 * @param no     the quote's number, up to 20 characters, stored upper-case; one number is linked to
 *               at most one opportunity
 * @param amount greater than 0, at most 2 decimals
 */
public record SalesQuote(String no, BigDecimal amount) {
    public static final int NO_LENGTH = 20;
}
