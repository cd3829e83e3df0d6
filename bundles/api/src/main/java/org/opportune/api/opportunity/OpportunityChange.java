package org.opportune.api.opportunity;

/**
 * The editable fields of an opportunity, all replaced by
 * {@link OpportunityService#update(String, OpportunityChange, Long)} (DOMAIN §2). Start from the
 * current values to change some of them: {@code OpportunityChange.from(current).priority(HIGH).build()}.
 */
public final class OpportunityChange {
    private final String description;
    private final String contactNo;
    private final String salespersonCode;
    private final String salesCycleCode;
    private final OpportunityPriority priority;

    private OpportunityChange(Builder builder) {
        description = builder.description;
        contactNo = builder.contactNo;
        salespersonCode = builder.salespersonCode;
        salesCycleCode = builder.salesCycleCode;
        priority = builder.priority;
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding the editable fields of {@code current} */
    public static Builder from(Opportunity current) {
        return builder().description(current.description()).contactNo(current.contactNo())
                .salespersonCode(current.salespersonCode()).salesCycleCode(current.salesCycleCode())
                .priority(current.priority());
    }

    public String description() {
        return description;
    }

    public String contactNo() {
        return contactNo;
    }

    public String salespersonCode() {
        return salespersonCode;
    }

    public String salesCycleCode() {
        return salesCycleCode;
    }

    /** @return the priority, null for {@code NORMAL} */
    public OpportunityPriority priority() {
        return priority;
    }

    public static final class Builder {
        private String description;
        private String contactNo;
        private String salespersonCode;
        private String salesCycleCode;
        private OpportunityPriority priority;

        private Builder() {
        }

        /** @param description required, up to {@value Opportunity#DESCRIPTION_LENGTH} characters */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** @param contactNo required; cannot change once closed; after the start only within the same company */
        public Builder contactNo(String contactNo) {
            this.contactNo = contactNo;
            return this;
        }

        /** @param salespersonCode required; cannot change once closed */
        public Builder salespersonCode(String salespersonCode) {
            this.salespersonCode = salespersonCode;
            return this;
        }

        /** @param salesCycleCode required; can change only while {@code NOT_STARTED} */
        public Builder salesCycleCode(String salesCycleCode) {
            this.salesCycleCode = salesCycleCode;
            return this;
        }

        /** @param priority null for {@code NORMAL} */
        public Builder priority(OpportunityPriority priority) {
            this.priority = priority;
            return this;
        }

        public OpportunityChange build() {
            return new OpportunityChange(this);
        }
    }
}
