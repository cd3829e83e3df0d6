package org.opportune.shell.internal.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.shell.internal.Views.EntryView;
import org.opportune.shell.internal.Views.OpportunityView;

/**
 * The opportunities the tests start from, on the cycle STD of DOMAIN §9: one in progress after
 * step 1 of the worked example, one not started, one won at its end (with that history), and one in
 * progress with a sales quote and an unrounded calculated current value; the one not started was
 * created before 2.0 and not changed since.
 */
final class Opportunities {
    static final Opportunity FLEET = new OpportunityView("OP000001", "Fleet renewal", "CT000002", "CT000001", "JO",
            "STD", OpportunityPriority.NORMAL, day(10), OpportunityStatus.IN_PROGRESS, false, null, 1,
            amount("10000"), amount("25"), amount("10"), amount("2.5"), amount("250"), LocalDate.of(2024, 3, 31),
            null, null, 3L, "john", at(10));
    static final Opportunity CHAIRS = new OpportunityView("OP000002", "Office chairs", "CT000003", null, "AL", "STD",
            OpportunityPriority.HIGH, day(12), OpportunityStatus.NOT_STARTED, false, null, null, null, null, null,
            null, null, null, null, null, 1L, null, null);
    static final Opportunity PRINTERS = new OpportunityView("OP000003", "Printer lease", "CT000001", "CT000001", "JO",
            "STD", OpportunityPriority.LOW, day(10), OpportunityStatus.WON, true, LocalDate.of(2024, 2, 15), 0,
            amount("12000"), amount("100"), amount("100"), amount("100"), amount("11500"), LocalDate.of(2024, 2, 15),
            "WIN1", null, 7L, "john", Instant.parse("2024-02-15T14:02:03.5Z"));
    static final Opportunity SERVICE = new OpportunityView("OP000004", "Service contract", "CT000001", "CT000001",
            "AL", "STD", OpportunityPriority.NORMAL, day(15), OpportunityStatus.IN_PROGRESS, false, null, 2,
            amount("8333.33"), amount("40"), amount("30"), amount("12"), amount("999.9996"), day(25), null,
            new SalesQuote("SQ1001", amount("8333.33")), 4L, "alice", at(18));

    /** The history of {@link #PRINTERS}: the worked example of DOMAIN §9, step by step. */
    static final List<OpportunityEntry> PRINTERS_HISTORY = List.of(
            entry(1, 1, "Initial", null, ActionTaken.NONE, day(10), false, 10, null, "10000", "250", "10", "25",
                    "2.5", LocalDate.of(2024, 3, 31), null),
            entry(2, 2, "Qualification", 1, ActionTaken.NEXT, day(20), false, 16, null, "10000", "1200", "30", "40",
                    "12", day(30), null),
            entry(3, 3, "Proposal", 2, ActionTaken.NEXT, LocalDate.of(2024, 2, 5), false, 10, null, "12000", "3960",
                    "60", "55", "33", LocalDate.of(2024, 2, 12), null),
            entry(4, 0, null, 3, ActionTaken.WON, LocalDate.of(2024, 2, 15), true, 0, LocalDate.of(2024, 2, 15),
                    "12000", "11500", "100", "100", "100", LocalDate.of(2024, 2, 15), "WIN1"));

    private Opportunities() {
    }

    static FakeOpportunityService all() {
        return new FakeOpportunityService().with(FLEET).with(CHAIRS).with(PRINTERS).with(SERVICE)
                .withEntries(PRINTERS.no(), PRINTERS_HISTORY);
    }

    static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    /** A day of January 2024. */
    static LocalDate day(int dayOfMonth) {
        return LocalDate.of(2024, 1, dayOfMonth);
    }

    /** 11:00 UTC on a day of January 2024. */
    static Instant at(int dayOfMonth) {
        return day(dayOfMonth).atTime(11, 0).toInstant(ZoneOffset.UTC);
    }

    private static OpportunityEntry entry(long entryNo, int stage, String description, Integer previousStage,
            ActionTaken action, LocalDate date, boolean active, int daysOpen, LocalDate dateClosed, String value,
            String ccv, String completed, String chances, String probability, LocalDate closeDate, String closeCode) {
        return new EntryView(entryNo, PRINTERS.no(), "STD", stage, description, previousStage, action, date,
                active, daysOpen, dateClosed, amount(value), amount(ccv), amount(completed), amount(chances),
                amount(probability), closeDate, closeCode, "CT000001", "CT000001", "JO", entryNo == 1 ? null : "john",
                null);
    }
}
