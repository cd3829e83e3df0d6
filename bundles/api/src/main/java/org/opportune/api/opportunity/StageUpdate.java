package org.opportune.api.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An update of an opportunity through its sales cycle (DOMAIN §4–§5). Every field but
 * {@code action} may be null and then takes its default:
 * <ul>
 * <li>{@code stage}: the action's default target (the only candidate; for {@code SKIP} the next
 * stage, for {@code JUMP} the highest stage below the current one);</li>
 * <li>{@code dateOfChange}: the later of today and the last date of change;</li>
 * <li>{@code estimatedValue}: the last estimated value, or the linked quote's amount;</li>
 * <li>{@code chancesOfSuccessPercent}: the target stage's value (on {@code SKIP} and {@code JUMP}
 * the stage's value is taken even when one is given, unless the stage's value is 0);</li>
 * <li>{@code estimatedCloseDate}: the date of change moved by the target stage's date formula
 * (also when the given date equals the date of change).</li>
 * </ul>
 */
public record StageUpdate(OpportunityAction action, Integer stage, LocalDate dateOfChange,
        BigDecimal estimatedValue, BigDecimal chancesOfSuccessPercent, LocalDate estimatedCloseDate) {

    /** An update with every value defaulted. */
    public static StageUpdate of(OpportunityAction action) {
        return new StageUpdate(action, null, null, null, null, null);
    }

    /** An update to a given stage with every value defaulted. */
    public static StageUpdate to(OpportunityAction action, int stage) {
        return new StageUpdate(action, stage, null, null, null, null);
    }
}
