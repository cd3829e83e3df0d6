package org.opportune.api.cycle;

import java.math.BigDecimal;

/**
 * One stage of a sales cycle as a caller gives it (DOMAIN §1), with its number:
 * {@code StageValues.builder(1).description("Initial").completedPercent(new BigDecimal("10")).build()}.
 * Every editable field is given; what is not set takes the default named on the builder.
 */
public final class StageValues {
    private final Integer stage;
    private final String description;
    private final BigDecimal completedPercent;
    private final BigDecimal chancesOfSuccessPercent;
    private final String activityCode;
    private final boolean quoteRequired;
    private final boolean allowSkip;
    private final String dateFormula;
    private final Integer maxDaysIdle;

    private StageValues(Builder builder) {
        stage = builder.stage;
        description = builder.description;
        completedPercent = builder.completedPercent;
        chancesOfSuccessPercent = builder.chancesOfSuccessPercent;
        activityCode = builder.activityCode;
        quoteRequired = builder.quoteRequired;
        allowSkip = builder.allowSkip;
        dateFormula = builder.dateFormula;
        maxDaysIdle = builder.maxDaysIdle;
    }

    /** @param stage the stage's number, 1 or more (null is refused by the service as a field error) */
    public static Builder builder(Integer stage) {
        return new Builder().stage(stage);
    }

    /** @return a builder holding the editable fields of {@code current} */
    public static Builder from(SalesCycleStage current) {
        return builder(current.stage()).description(current.description())
                .completedPercent(current.completedPercent())
                .chancesOfSuccessPercent(current.chancesOfSuccessPercent()).activityCode(current.activityCode())
                .quoteRequired(current.quoteRequired()).allowSkip(current.allowSkip())
                .dateFormula(current.dateFormula()).maxDaysIdle(current.maxDaysIdle());
    }

    public Integer stage() {
        return stage;
    }

    public String description() {
        return description;
    }

    public BigDecimal completedPercent() {
        return completedPercent;
    }

    public BigDecimal chancesOfSuccessPercent() {
        return chancesOfSuccessPercent;
    }

    public String activityCode() {
        return activityCode;
    }

    public boolean quoteRequired() {
        return quoteRequired;
    }

    public boolean allowSkip() {
        return allowSkip;
    }

    public String dateFormula() {
        return dateFormula;
    }

    /** @return the days an opportunity may stay at this stage before it is stale (DOMAIN §11); null for no limit */
    public Integer maxDaysIdle() {
        return maxDaysIdle;
    }

    public static final class Builder {
        private Integer stage;
        private String description;
        private BigDecimal completedPercent;
        private BigDecimal chancesOfSuccessPercent;
        private String activityCode;
        private boolean quoteRequired;
        private boolean allowSkip;
        private String dateFormula;
        private Integer maxDaysIdle;

        private Builder() {
        }

        private Builder stage(Integer stage) {
            this.stage = stage;
            return this;
        }

        /** @param description up to {@value SalesCycleStage#DESCRIPTION_LENGTH} characters, may be null */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** @param completedPercent 0 to 100; not set: 0 */
        public Builder completedPercent(BigDecimal completedPercent) {
            this.completedPercent = completedPercent;
            return this;
        }

        /** @param chancesOfSuccessPercent 0 to 100; not set: 0 */
        public Builder chancesOfSuccessPercent(BigDecimal chancesOfSuccessPercent) {
            this.chancesOfSuccessPercent = chancesOfSuccessPercent;
            return this;
        }

        /** @param activityCode up to {@value SalesCycleStage#ACTIVITY_CODE_LENGTH} characters, stored upper-case, may be null */
        public Builder activityCode(String activityCode) {
            this.activityCode = activityCode;
            return this;
        }

        /** @param quoteRequired moving to this stage with NEXT or SKIP needs a linked sales quote */
        public Builder quoteRequired(boolean quoteRequired) {
            this.quoteRequired = quoteRequired;
            return this;
        }

        /** @param allowSkip SKIP may pass over this stage */
        public Builder allowSkip(boolean allowSkip) {
            this.allowSkip = allowSkip;
            return this;
        }

        /** @param dateFormula the estimated close date formula (see {@link org.opportune.api.dateformula.DateFormula}), may be null */
        public Builder dateFormula(String dateFormula) {
            this.dateFormula = dateFormula;
            return this;
        }

        /** @param maxDaysIdle 1 or more, or null (not set) for no limit; see {@link SalesCycleStage#maxDaysIdle()} */
        public Builder maxDaysIdle(Integer maxDaysIdle) {
            this.maxDaysIdle = maxDaysIdle;
            return this;
        }

        public StageValues build() {
            return new StageValues(this);
        }
    }
}
