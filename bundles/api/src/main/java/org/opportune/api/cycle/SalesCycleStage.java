package org.opportune.api.cycle;

import java.math.BigDecimal;

import org.opportune.api.Audited;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One stage of a sales cycle (DOMAIN §1) as the service returns it, read-only, keyed by its cycle
 * and its number. Its values are copied into an opportunity's entries when they are written, so
 * editing a stage changes no history. Callers give {@link StageValues}.
 */
@ProviderType
public interface SalesCycleStage extends Audited {
    int DESCRIPTION_LENGTH = 100;
    int ACTIVITY_CODE_LENGTH = 10;
    /** The longest canonical formula text, as in NAV. */
    int DATE_FORMULA_LENGTH = 32;
    /** Percentages keep at most this many decimals. */
    int PERCENT_DECIMALS = 5;

    /** @return the number, 1 or more; gaps allowed, stages are ordered by it */
    int stage();

    String description();

    /** @return 0 to 100 */
    BigDecimal completedPercent();

    /** @return 0 to 100 */
    BigDecimal chancesOfSuccessPercent();

    /**
     * @return the activity whose steps become tasks when an opportunity enters this stage (DOMAIN §10),
     *         upper-case; null for none
     */
    String activityCode();

    /**
     * @return how many days an opportunity may stay at this stage (since its active entry's date of change)
     *         before it is stale (DOMAIN §11); null for no limit (a default, so that an extension's own stand-ins
     *         for stages, e.g. in its tests, keep compiling)
     */
    default Integer maxDaysIdle() {
        return null;
    }

    /** @return moving to this stage with NEXT or SKIP needs a linked sales quote */
    boolean quoteRequired();

    /** @return SKIP may pass over this stage */
    boolean allowSkip();

    /** @return the estimated close date formula in canonical text, null when there is none */
    String dateFormula();

    /** @return the stage's row version, for optimistic concurrency */
    long version();
}
