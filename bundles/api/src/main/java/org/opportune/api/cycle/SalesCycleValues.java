package org.opportune.api.cycle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The editable fields of a sales cycle, given on create and all replaced on update, and optionally
 * its whole stage list: {@code SalesCycleValues.builder().description("New business").stages(List.of(…)).build()}.
 */
public final class SalesCycleValues {
    private final String description;
    private final String probabilityCalculation;
    private final boolean blocked;
    private final List<StageValues> stages;

    private SalesCycleValues(Builder builder) {
        description = builder.description;
        probabilityCalculation = builder.probabilityCalculation;
        blocked = builder.blocked;
        // a copy that keeps null elements, so that the service can name them as field errors
        stages = builder.stages == null ? null : Collections.unmodifiableList(new ArrayList<>(builder.stages));
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding the editable fields of {@code current}, its stages not set (kept on update) */
    public static Builder from(SalesCycle current) {
        return builder().description(current.description()).probabilityCalculation(current.probabilityCalculation())
                .blocked(current.blocked());
    }

    public String description() {
        return description;
    }

    public String probabilityCalculation() {
        return probabilityCalculation;
    }

    public boolean blocked() {
        return blocked;
    }

    /** @return the stages, or null when not set: none on create, kept as they are on update */
    public List<StageValues> stages() {
        return stages;
    }

    public static final class Builder {
        private String description;
        private String probabilityCalculation;
        private boolean blocked;
        private List<StageValues> stages;

        private Builder() {
        }

        /** @param description up to {@value SalesCycle#DESCRIPTION_LENGTH} characters, may be null */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * @param probabilityCalculation the name of an installed probability model (see
         *                               {@link org.opportune.api.probability.ProbabilityModel}); not
         *                               set or blank: {@value SalesCycle#DEFAULT_PROBABILITY_CALCULATION}
         */
        public Builder probabilityCalculation(String probabilityCalculation) {
            this.probabilityCalculation = probabilityCalculation;
            return this;
        }

        /** @param blocked a blocked cycle cannot be given to an opportunity; opportunities on it keep working */
        public Builder blocked(boolean blocked) {
            this.blocked = blocked;
            return this;
        }

        /**
         * @param stages every stage of the cycle, any order, numbers unique; on update stages matched
         *               by number are changed, missing ones deleted, new ones added
         */
        public Builder stages(List<StageValues> stages) {
            this.stages = stages;
            return this;
        }

        public SalesCycleValues build() {
            return new SalesCycleValues(this);
        }
    }
}
