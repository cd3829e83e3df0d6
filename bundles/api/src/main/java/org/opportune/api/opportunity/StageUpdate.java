package org.opportune.api.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An update of an opportunity through its sales cycle (DOMAIN §4–§5):
 * {@code StageUpdate.builder(OpportunityAction.NEXT).estimatedValue(new BigDecimal("6000")).build()}.
 * Everything but the action is optional and then takes its default:
 * <ul>
 * <li>{@code stage}: the action's default target (the only candidate; for {@code SKIP} the next
 * stage, for {@code JUMP} the highest stage below the current one);</li>
 * <li>{@code dateOfChange}: the later of today and the last date of change;</li>
 * <li>{@code estimatedValue}: the last estimated value, or the linked quote's amount;</li>
 * <li>{@code chancesOfSuccessPercent}: the target stage's value (on {@code SKIP} and {@code JUMP}
 * the stage's value is taken even when one is given, unless the stage's value is 0);</li>
 * <li>{@code estimatedCloseDate}: the date of change moved by the target stage's date formula
 * (also when the given date equals the date of change);</li>
 * <li>{@code cancelOpenTasks}: false (DOMAIN §10: true cancels the opportunity's open tasks
 * before the move creates new ones).</li>
 * </ul>
 */
public final class StageUpdate {
    private final OpportunityAction action;
    private final Integer stage;
    private final LocalDate dateOfChange;
    private final BigDecimal estimatedValue;
    private final BigDecimal chancesOfSuccessPercent;
    private final LocalDate estimatedCloseDate;
    private final boolean cancelOpenTasks;

    private StageUpdate(Builder builder) {
        action = builder.action;
        stage = builder.stage;
        dateOfChange = builder.dateOfChange;
        estimatedValue = builder.estimatedValue;
        chancesOfSuccessPercent = builder.chancesOfSuccessPercent;
        estimatedCloseDate = builder.estimatedCloseDate;
        cancelOpenTasks = builder.cancelOpenTasks;
    }

    /** @param action required */
    public static Builder builder(OpportunityAction action) {
        return new Builder(Objects.requireNonNull(action, "action"));
    }

    /** An update with every value defaulted. */
    public static StageUpdate of(OpportunityAction action) {
        return builder(action).build();
    }

    /** An update to a given stage with every value defaulted. */
    public static StageUpdate to(OpportunityAction action, int stage) {
        return builder(action).stage(stage).build();
    }

    /** @return a builder holding this update's values */
    public Builder toBuilder() {
        return builder(action).stage(stage).dateOfChange(dateOfChange).estimatedValue(estimatedValue)
                .chancesOfSuccessPercent(chancesOfSuccessPercent).estimatedCloseDate(estimatedCloseDate)
                .cancelOpenTasks(cancelOpenTasks);
    }

    public OpportunityAction action() {
        return action;
    }

    /** @return the target stage, null for the action's default */
    public Integer stage() {
        return stage;
    }

    public LocalDate dateOfChange() {
        return dateOfChange;
    }

    public BigDecimal estimatedValue() {
        return estimatedValue;
    }

    public BigDecimal chancesOfSuccessPercent() {
        return chancesOfSuccessPercent;
    }

    public LocalDate estimatedCloseDate() {
        return estimatedCloseDate;
    }

    public boolean cancelOpenTasks() {
        return cancelOpenTasks;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StageUpdate update && action == update.action && Objects.equals(stage, update.stage)
                && Objects.equals(dateOfChange, update.dateOfChange)
                && Objects.equals(estimatedValue, update.estimatedValue)
                && Objects.equals(chancesOfSuccessPercent, update.chancesOfSuccessPercent)
                && Objects.equals(estimatedCloseDate, update.estimatedCloseDate)
                && cancelOpenTasks == update.cancelOpenTasks;
    }

    @Override
    public int hashCode() {
        return Objects.hash(action, stage, dateOfChange, estimatedValue, chancesOfSuccessPercent, estimatedCloseDate,
                cancelOpenTasks);
    }

    @Override
    public String toString() {
        return "StageUpdate[" + action + " stage=" + stage + " dateOfChange=" + dateOfChange + " estimatedValue="
                + estimatedValue + " chancesOfSuccessPercent=" + chancesOfSuccessPercent + " estimatedCloseDate="
                + estimatedCloseDate + " cancelOpenTasks=" + cancelOpenTasks + "]";
    }

    public static final class Builder {
        private final OpportunityAction action;
        private Integer stage;
        private LocalDate dateOfChange;
        private BigDecimal estimatedValue;
        private BigDecimal chancesOfSuccessPercent;
        private LocalDate estimatedCloseDate;
        private boolean cancelOpenTasks;

        private Builder(OpportunityAction action) {
            this.action = action;
        }

        public Builder stage(Integer stage) {
            this.stage = stage;
            return this;
        }

        public Builder dateOfChange(LocalDate dateOfChange) {
            this.dateOfChange = dateOfChange;
            return this;
        }

        /** @param estimatedValue greater than 0 */
        public Builder estimatedValue(BigDecimal estimatedValue) {
            this.estimatedValue = estimatedValue;
            return this;
        }

        /** @param chancesOfSuccessPercent greater than 0 and at most 100 */
        public Builder chancesOfSuccessPercent(BigDecimal chancesOfSuccessPercent) {
            this.chancesOfSuccessPercent = chancesOfSuccessPercent;
            return this;
        }

        /** @param estimatedCloseDate not before the date of change */
        public Builder estimatedCloseDate(LocalDate estimatedCloseDate) {
            this.estimatedCloseDate = estimatedCloseDate;
            return this;
        }

        public Builder cancelOpenTasks(boolean cancelOpenTasks) {
            this.cancelOpenTasks = cancelOpenTasks;
            return this;
        }

        public StageUpdate build() {
            return new StageUpdate(this);
        }
    }
}
