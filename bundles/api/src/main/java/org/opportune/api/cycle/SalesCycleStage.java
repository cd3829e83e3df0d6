package org.opportune.api.cycle;

import java.math.BigDecimal;

/**
 * One stage of a sales cycle (DOMAIN §1), keyed by its cycle and its number. Its values are copied
 * into an opportunity's entries when they are written, so editing a stage changes no history.
 *
 * @param stage                   the number, 1 or more; gaps allowed, stages are ordered by it
 * @param description             up to 100 characters, may be null
 * @param completedPercent        0 to 100, null on input means 0
 * @param chancesOfSuccessPercent 0 to 100, null on input means 0
 * @param activityCode            up to 10 characters, stored upper-case, may be null
 * @param quoteRequired           moving to this stage with NEXT or SKIP needs a linked sales quote
 * @param allowSkip               SKIP may pass over this stage
 * @param dateFormula             the estimated close date formula (see
 *                                {@link org.opportune.api.dateformula.DateFormula}); returned in
 *                                canonical text, null when there is none
 * @param version                 the stage's row version, for optimistic concurrency; owned by the server
 */
public record SalesCycleStage(Integer stage, String description, BigDecimal completedPercent,
        BigDecimal chancesOfSuccessPercent, String activityCode, boolean quoteRequired, boolean allowSkip,
        String dateFormula, Long version) {

    public static final int DESCRIPTION_LENGTH = 100;
    public static final int ACTIVITY_CODE_LENGTH = 10;
    /** The longest canonical formula text, as in NAV. */
    public static final int DATE_FORMULA_LENGTH = 32;
    /** Percentages keep at most this many decimals. */
    public static final int PERCENT_DECIMALS = 5;

    /** The input form: what a client sends. */
    public SalesCycleStage(Integer stage, String description, BigDecimal completedPercent,
            BigDecimal chancesOfSuccessPercent, String activityCode, boolean quoteRequired, boolean allowSkip,
            String dateFormula) {
        this(stage, description, completedPercent, chancesOfSuccessPercent, activityCode, quoteRequired, allowSkip,
                dateFormula, null);
    }
}
