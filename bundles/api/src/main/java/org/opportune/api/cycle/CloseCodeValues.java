package org.opportune.api.cycle;

/**
 * The editable fields of a close opportunity code, given on create and all replaced on update.
 */
public final class CloseCodeValues {
    private final String description;
    private final CloseOpportunityCodeType type;

    private CloseCodeValues(Builder builder) {
        description = builder.description;
        type = builder.type;
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding the editable fields of {@code current} */
    public static Builder from(CloseOpportunityCode current) {
        return builder().description(current.description()).type(current.type());
    }

    public String description() {
        return description;
    }

    public CloseOpportunityCodeType type() {
        return type;
    }

    public static final class Builder {
        private String description;
        private CloseOpportunityCodeType type;

        private Builder() {
        }

        /** @param description up to {@value CloseOpportunityCode#DESCRIPTION_LENGTH} characters, may be null */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** @param type required */
        public Builder type(CloseOpportunityCodeType type) {
            this.type = type;
            return this;
        }

        public CloseCodeValues build() {
            return new CloseCodeValues(this);
        }
    }
}
