package org.opportune.api.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.opportune.api.Audited;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An opportunity as the service returns it (DOMAIN §2), read-only: callers create one with
 * {@link NewOpportunity} and change it with {@link OpportunityChange}, moves and closing.
 * <p>
 * The values from {@link #currentStage()} to {@link #closeCode()} are those of the active entry
 * (null while not started; a closed opportunity stands at stage 0). Amounts and percentages are
 * unrounded, without trailing zeros.
 */
@ProviderType
public interface Opportunity extends Audited {
    int NO_LENGTH = 20;
    int DESCRIPTION_LENGTH = 100;
    /** Amounts a client gives (estimated value, close value, quote amount) have at most this many decimals. */
    int AMOUNT_DECIMALS = 2;
    /** The largest amount a client may give. */
    BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999.99");
    /** Percentages a client gives have at most this many decimals, as stage percentages. */
    int PERCENT_DECIMALS = 5;

    /** @return the key, e.g. {@code OP000001} */
    String no();

    String description();

    String contactNo();

    /** @return the contact's company (a company contact's own no.), null for a person without company */
    String contactCompanyNo();

    String salespersonCode();

    String salesCycleCode();

    OpportunityPriority priority();

    /** @return the day it was created */
    LocalDate creationDate();

    OpportunityStatus status();

    /** @return true once won or lost */
    boolean closed();

    LocalDate dateClosed();

    Integer currentStage();

    BigDecimal estimatedValue();

    BigDecimal chancesOfSuccessPercent();

    BigDecimal completedPercent();

    BigDecimal probabilityPercent();

    BigDecimal calculatedCurrentValue();

    LocalDate estimatedCloseDate();

    String closeCode();

    /** @return the linked quote, null when none; changed through the quote operations only */
    SalesQuote salesQuote();

    /**
     * @return for an opportunity in progress, the days from its active entry's date of change to today (DOMAIN §11:
     *         it is stale when this is over its stage's {@code maxDaysIdle}); null when not started or closed (the
     *         default, so that an extension's own stand-ins for opportunities keep compiling)
     */
    default Integer daysIdle() {
        return null;
    }

    /** @return the row version for optimistic concurrency; it changes with every change, move and close */
    long version();
}
