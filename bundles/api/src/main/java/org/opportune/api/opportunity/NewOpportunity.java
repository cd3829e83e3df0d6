package org.opportune.api.opportunity;

/**
 * What a caller gives to create an opportunity (DOMAIN §2):
 * {@code NewOpportunity.builder().description("Fleet renewal").contactNo("CT000001").salesCycleCode("NEW").build()}.
 * Only what is set counts; the service checks the values and names each wrong one.
 */
public final class NewOpportunity {
    private final String no;
    private final String description;
    private final String contactNo;
    private final String salespersonCode;
    private final String salesCycleCode;
    private final OpportunityPriority priority;
    private final Activation activation;

    private NewOpportunity(Builder builder) {
        no = builder.no;
        description = builder.description;
        contactNo = builder.contactNo;
        salespersonCode = builder.salespersonCode;
        salesCycleCode = builder.salesCycleCode;
        priority = builder.priority;
        activation = builder.activation;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @return the key to use, or null to take the next number of the series */
    public String no() {
        return no;
    }

    public String description() {
        return description;
    }

    public String contactNo() {
        return contactNo;
    }

    /** @return the salesperson, or null for the contact's salesperson */
    public String salespersonCode() {
        return salespersonCode;
    }

    public String salesCycleCode() {
        return salesCycleCode;
    }

    /** @return the priority, or null for {@code NORMAL} */
    public OpportunityPriority priority() {
        return priority;
    }

    /** @return the values to start the opportunity with in the same transaction, or null to leave it not started */
    public Activation activation() {
        return activation;
    }

    public static final class Builder {
        private String no;
        private String description;
        private String contactNo;
        private String salespersonCode;
        private String salesCycleCode;
        private OpportunityPriority priority;
        private Activation activation;

        private Builder() {
        }

        /** @param no the key, up to {@value Opportunity#NO_LENGTH} characters; not set: the next number of the series */
        public Builder no(String no) {
            this.no = no;
            return this;
        }

        /** @param description required, up to {@value Opportunity#DESCRIPTION_LENGTH} characters */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** @param contactNo required, an existing contact */
        public Builder contactNo(String contactNo) {
            this.contactNo = contactNo;
            return this;
        }

        /** @param salespersonCode an assignable salesperson; not set: the contact's salesperson */
        public Builder salespersonCode(String salespersonCode) {
            this.salespersonCode = salespersonCode;
            return this;
        }

        /** @param salesCycleCode required, an assignable (not blocked) cycle */
        public Builder salesCycleCode(String salesCycleCode) {
            this.salesCycleCode = salesCycleCode;
            return this;
        }

        /** @param priority not set: {@code NORMAL} */
        public Builder priority(OpportunityPriority priority) {
            this.priority = priority;
            return this;
        }

        /** Starts the opportunity at the lowest stage of its cycle in the same transaction (DOMAIN §5). */
        public Builder activation(Activation activation) {
            this.activation = activation;
            return this;
        }

        public NewOpportunity build() {
            return new NewOpportunity(this);
        }
    }
}
