package org.opportune.api.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.opportune.api.Audited;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One entry of an opportunity's history (DOMAIN §3), written by every activation, update and
 * close and never rewritten, except that the previous active entry becomes inactive and gets its
 * days open. Stage values are copied from the stage when the entry is written. Read-only.
 * {@link #changedBy()} is who made the move.
 */
@ProviderType
public interface OpportunityEntry extends Audited {
    /** @return ascending over all entries */
    long entryNo();

    String opportunityNo();

    String salesCycleCode();

    /** @return the stage reached; 0 for a closing entry */
    int stage();

    /** @return the stage's description at the time, null for a closing entry */
    String stageDescription();

    /** @return the stage before, null for the first entry (and for closing a not-started opportunity) */
    Integer previousStage();

    ActionTaken actionTaken();

    LocalDate dateOfChange();

    /** @return exactly one entry of a started opportunity is active; a closing entry stays active for good */
    boolean active();

    /** @return days from this entry's date of change to the next entry's; 0 while active */
    int daysOpen();

    /** @return set on a closing entry only (its date of change) */
    LocalDate dateClosed();

    BigDecimal estimatedValue();

    BigDecimal calculatedCurrentValue();

    BigDecimal completedPercent();

    BigDecimal chancesOfSuccessPercent();

    BigDecimal probabilityPercent();

    LocalDate estimatedCloseDate();

    /** @return set on a closing entry only */
    String closeCode();

    /** @return the opportunity's contact when the entry was written */
    String contactNo();

    /** @return the contact's company then */
    String contactCompanyNo();

    /** @return the salesperson then */
    String salespersonCode();
}
