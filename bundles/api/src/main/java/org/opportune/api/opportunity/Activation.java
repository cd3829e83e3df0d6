package org.opportune.api.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The values to start an opportunity with at its first stage when it is created (DOMAIN §5
 * "Create with activation"): the first entry is at the lowest stage with action {@code NONE} and
 * keeps the given chances. {@code Activation.builder().estimatedValue(v).chancesOfSuccessPercent(c).estimatedCloseDate(d).build()}.
 */
public final class Activation {
    private final LocalDate dateOfChange;
    private final BigDecimal estimatedValue;
    private final BigDecimal chancesOfSuccessPercent;
    private final LocalDate estimatedCloseDate;

    private Activation(Builder builder) {
        dateOfChange = builder.dateOfChange;
        estimatedValue = builder.estimatedValue;
        chancesOfSuccessPercent = builder.chancesOfSuccessPercent;
        estimatedCloseDate = builder.estimatedCloseDate;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @return the date of change, null for today */
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

    public static final class Builder {
        private LocalDate dateOfChange;
        private BigDecimal estimatedValue;
        private BigDecimal chancesOfSuccessPercent;
        private LocalDate estimatedCloseDate;

        private Builder() {
        }

        /** @param dateOfChange not set: today */
        public Builder dateOfChange(LocalDate dateOfChange) {
            this.dateOfChange = dateOfChange;
            return this;
        }

        /** @param estimatedValue required, greater than 0 */
        public Builder estimatedValue(BigDecimal estimatedValue) {
            this.estimatedValue = estimatedValue;
            return this;
        }

        /** @param chancesOfSuccessPercent required, greater than 0 and at most 100 */
        public Builder chancesOfSuccessPercent(BigDecimal chancesOfSuccessPercent) {
            this.chancesOfSuccessPercent = chancesOfSuccessPercent;
            return this;
        }

        /**
         * @param estimatedCloseDate required, not before the date of change; when equal to it the
         *                           stage's date formula is applied to the date of change
         */
        public Builder estimatedCloseDate(LocalDate estimatedCloseDate) {
            this.estimatedCloseDate = estimatedCloseDate;
            return this;
        }

        public Activation build() {
            return new Activation(this);
        }
    }
}
