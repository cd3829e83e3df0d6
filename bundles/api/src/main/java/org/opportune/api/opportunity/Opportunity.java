package org.opportune.api.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An opportunity (DOMAIN §2). Used both as what a client sends (create, update) and what the
 * service returns. The editable fields are {@code description}, {@code contactNo},
 * {@code salespersonCode}, {@code salesCycleCode} and {@code priority}; {@code no} may be given on
 * create (else the number series gives one). Every other field is owned by the server: on input it
 * may be left out (null) or echo the current value, anything else is refused.
 * <p>
 * The values from {@code currentStage} to {@code closeCode} are those of the active entry (null
 * while not started; a closed opportunity stands at stage 0). Amounts and percentages are returned
 * unrounded, without trailing zeros.
 *
 * @param no                      the key, e.g. {@code OP000001}
 * @param description             required, up to 100 characters
 * @param contactNo               required, an existing contact
 * @param contactCompanyNo        derived: the contact's company (a company contact's own no.), null
 *                                for a person without company
 * @param salespersonCode         required; on create it defaults to the contact's salesperson
 * @param salesCycleCode          required; can change only while {@code NOT_STARTED}
 * @param priority                {@code NORMAL} when null
 * @param creationDate            the day it was created
 * @param closed                  true once won or lost; null on input means "not stated"
 * @param dateClosed              the closing date
 * @param salesQuote              the linked quote, changed only through the quote operations
 * @param version                 the row version, for optimistic concurrency; it changes with every
 *                                change, move and close
 */
public record Opportunity(String no, String description, String contactNo, String contactCompanyNo,
        String salespersonCode, String salesCycleCode, OpportunityPriority priority, LocalDate creationDate,
        OpportunityStatus status, Boolean closed, LocalDate dateClosed, Integer currentStage,
        BigDecimal estimatedValue, BigDecimal chancesOfSuccessPercent, BigDecimal completedPercent,
        BigDecimal probabilityPercent, BigDecimal calculatedCurrentValue, LocalDate estimatedCloseDate,
        String closeCode, SalesQuote salesQuote, Long version) {

    public static final int NO_LENGTH = 20;
    public static final int DESCRIPTION_LENGTH = 100;
    /** Amounts a client gives (estimated value, close value, quote amount) have at most this many decimals. */
    public static final int AMOUNT_DECIMALS = 2;
    /** The largest amount a client may give. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999.99");
    /** Percentages a client gives have at most this many decimals, as stage percentages. */
    public static final int PERCENT_DECIMALS = 5;

    /** The input form: the editable fields only. */
    public Opportunity(String no, String description, String contactNo, String salespersonCode,
            String salesCycleCode, OpportunityPriority priority) {
        this(no, description, contactNo, null, salespersonCode, salesCycleCode, priority, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
    }

    /** This opportunity with other editable fields, the server-owned ones kept (for changes). */
    public Opportunity withEditableFields(String newDescription, String newContactNo, String newSalespersonCode,
            String newSalesCycleCode, OpportunityPriority newPriority) {
        return new Opportunity(no, newDescription, newContactNo, contactCompanyNo, newSalespersonCode,
                newSalesCycleCode, newPriority, creationDate, status, closed, dateClosed, currentStage,
                estimatedValue, chancesOfSuccessPercent, completedPercent, probabilityPercent,
                calculatedCurrentValue, estimatedCloseDate, closeCode, salesQuote, version);
    }
}
