package org.opportune.api.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One entry of an opportunity's history (DOMAIN §3), written by every activation, update and
 * close and never rewritten, except that the previous active entry becomes inactive and gets its
 * days open. Stage values are copied from the stage when the entry is written.
 *
 * @param entryNo                 ascending over all entries
 * @param stage                   the stage reached; 0 for a closing entry
 * @param stageDescription        the stage's description at the time, null for a closing entry
 * @param previousStage           the stage before, null for the first entry (and for closing a
 *                                not-started opportunity)
 * @param active                  exactly one entry of a started opportunity is active; a closing
 *                                entry stays active for good
 * @param daysOpen                days from this entry's date of change to the next entry's; 0 while active
 * @param dateClosed              set on a closing entry only (its date of change)
 * @param closeCode               set on a closing entry only
 * @param contactNo               the opportunity's contact when the entry was written
 * @param contactCompanyNo        the contact's company then
 * @param salespersonCode         the salesperson then
 */
public record OpportunityEntry(long entryNo, String opportunityNo, String salesCycleCode, int stage,
        String stageDescription, Integer previousStage, ActionTaken actionTaken, LocalDate dateOfChange,
        boolean active, int daysOpen, LocalDate dateClosed, BigDecimal estimatedValue,
        BigDecimal calculatedCurrentValue, BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent,
        BigDecimal probabilityPercent, LocalDate estimatedCloseDate, String closeCode, String contactNo,
        String contactCompanyNo, String salespersonCode) {
}
