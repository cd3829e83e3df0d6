package org.opportune.api.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Closing an opportunity (DOMAIN §5 "Close"): {@code Closing.builder(CloseOutcome.WON, "WON").value(v).build()}.
 * Closed is final: no update, no second close, no reopen.
 */
public final class Closing {
    private final CloseOutcome outcome;
    private final String closeCode;
    private final LocalDate dateClosed;
    private final BigDecimal value;
    private final boolean cancelOpenTasks;

    private Closing(Builder builder) {
        outcome = builder.outcome;
        closeCode = builder.closeCode;
        dateClosed = builder.dateClosed;
        value = builder.value;
        cancelOpenTasks = builder.cancelOpenTasks;
    }

    /**
     * @param outcome   required
     * @param closeCode required, a close opportunity code of the outcome's type
     */
    public static Builder builder(CloseOutcome outcome, String closeCode) {
        return new Builder(outcome, closeCode);
    }

    public CloseOutcome outcome() {
        return outcome;
    }

    public String closeCode() {
        return closeCode;
    }

    /** @return the closing date, null for the later of today and the last date of change */
    public LocalDate dateClosed() {
        return dateClosed;
    }

    /** @return the won value, null when not given */
    public BigDecimal value() {
        return value;
    }

    /** @return whether the opportunity's open tasks are canceled (DOMAIN §10); true unless told not to */
    public boolean cancelOpenTasks() {
        return cancelOpenTasks;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Closing closing && outcome == closing.outcome
                && Objects.equals(closeCode, closing.closeCode) && Objects.equals(dateClosed, closing.dateClosed)
                && Objects.equals(value, closing.value) && cancelOpenTasks == closing.cancelOpenTasks;
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, closeCode, dateClosed, value, cancelOpenTasks);
    }

    @Override
    public String toString() {
        return "Closing[" + outcome + " " + closeCode + " dateClosed=" + dateClosed + " value=" + value
                + " cancelOpenTasks=" + cancelOpenTasks + "]";
    }

    public static final class Builder {
        private final CloseOutcome outcome;
        private final String closeCode;
        private LocalDate dateClosed;
        private BigDecimal value;
        private boolean cancelOpenTasks = true;

        private Builder(CloseOutcome outcome, String closeCode) {
            this.outcome = outcome;
            this.closeCode = closeCode;
        }

        /** @param dateClosed never before the last date of change; not set: the later of today and it */
        public Builder dateClosed(LocalDate dateClosed) {
            this.dateClosed = dateClosed;
            return this;
        }

        /**
         * @param value WON: the calculated current value, required and greater than 0 unless a sales
         *              quote is linked (then the quote's amount is taken); LOST: not set or 0
         */
        public Builder value(BigDecimal value) {
            this.value = value;
            return this;
        }

        public Builder cancelOpenTasks(boolean cancelOpenTasks) {
            this.cancelOpenTasks = cancelOpenTasks;
            return this;
        }

        public Closing build() {
            return new Closing(this);
        }
    }
}
