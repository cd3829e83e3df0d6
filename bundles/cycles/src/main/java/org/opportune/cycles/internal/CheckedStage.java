package org.opportune.cycles.internal;

import java.math.BigDecimal;

import org.opportune.api.Codes;
import org.opportune.api.ValidationException;
import org.opportune.api.Violations;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.cycle.StageValues;
import org.opportune.api.dateformula.DateFormula;

/**
 * The editable values of a stage, checked and normalised: percentages present (0 when not given),
 * the activity code upper-case, the date formula in canonical text. Whether the activity code names an activity is
 * not checked here: that asks the tasks module (see {@link ActivityCodes}).
 */
record CheckedStage(int stage, String description, BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent,
        String activityCode, Integer maxDaysIdle, boolean quoteRequired, boolean allowSkip, String dateFormula) {

    /**
     * Checks a stage as a client gave it, adding every fault to {@code violations}.
     *
     * @param prefix put in front of every field name: empty for a single stage, {@code stages[1].} in a cycle
     * @return the values, meaningful only when no fault was added
     */
    static CheckedStage check(Violations violations, String prefix, StageValues input) {
        Integer stage = input.stage();
        violations.required(prefix + "stage", stage);
        if (stage != null && stage < 1) {
            violations.add(prefix + "stage", "must be 1 or more (got " + stage + ")");
        }
        violations.maxLength(prefix + "description", input.description(), SalesCycleStage.DESCRIPTION_LENGTH);
        BigDecimal completed = percent(violations, prefix + "completedPercent", input.completedPercent());
        BigDecimal chances = percent(violations, prefix + "chancesOfSuccessPercent", input.chancesOfSuccessPercent());
        String activityCode = Codes.normalise(input.activityCode());
        violations.maxLength(prefix + "activityCode", activityCode, SalesCycleStage.ACTIVITY_CODE_LENGTH);
        Integer maxDaysIdle = input.maxDaysIdle();
        if (maxDaysIdle != null && maxDaysIdle < 1) {
            violations.add(prefix + "maxDaysIdle", "must be 1 or more, or empty for no limit (got " + maxDaysIdle + ")");
        }
        String dateFormula = dateFormula(violations, prefix + "dateFormula", input.dateFormula());
        return new CheckedStage(stage == null ? 0 : stage, input.description(), completed, chances, activityCode,
                maxDaysIdle, input.quoteRequired(), input.allowSkip(), dateFormula);
    }

    private static BigDecimal percent(Violations violations, String field, BigDecimal value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        violations.percent(field, value);
        if (value.stripTrailingZeros().scale() > SalesCycleStage.PERCENT_DECIMALS) {
            violations.add(field, "must have at most " + SalesCycleStage.PERCENT_DECIMALS + " decimals");
        }
        return value;
    }

    /** @return the canonical text, or null when there is no formula or it is invalid */
    private static String dateFormula(Violations violations, String field, String text) {
        try {
            DateFormula formula = DateFormula.parse(text, field);
            if (formula.isEmpty()) {
                return null;
            }
            String canonical = formula.toString();
            if (canonical.length() > SalesCycleStage.DATE_FORMULA_LENGTH) {
                violations.add(field, "must be at most " + SalesCycleStage.DATE_FORMULA_LENGTH
                        + " characters written as " + canonical + " (got " + canonical.length() + ")");
                return null;
            }
            return canonical;
        } catch (ValidationException e) {
            e.errors().forEach(error -> violations.add(error.field(), error.message()));
            return null;
        }
    }
}
