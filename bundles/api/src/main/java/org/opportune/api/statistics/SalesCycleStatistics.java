package org.opportune.api.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * A sales cycle's figures (DOMAIN §8), the "Sales Cycle Analysis": the open opportunities (their
 * active entry is not a closing one), optionally only those whose estimated close date is in a
 * range; a row per stage of the cycle, in stage order, and the total row.
 *
 * @param asOf the day the figures stand on: null for now, else recomputed from the entry history
 *             as it stood at the end of that day (entries written later are ignored, an entry
 *             that was active then counts as active)
 */
public record SalesCycleStatistics(String salesCycleCode, LocalDate estimatedCloseDateFrom,
        LocalDate estimatedCloseDateTo, LocalDate asOf, Figures open, List<StageStatistics> stages,
        StageStatistics total) {
}
