package org.opportune.api.salesperson;

import java.math.BigDecimal;

/**
 * The editable fields of a salesperson, given on create and all replaced on update: what is not set
 * is cleared. {@code SalespersonValues.builder().name("John Roberts").userName("john").build()}.
 */
public final class SalespersonValues {
    private final String name;
    private final String email;
    private final String phone;
    private final String jobTitle;
    private final BigDecimal commissionPercent;
    private final boolean blocked;
    private final String userName;

    private SalespersonValues(Builder builder) {
        name = builder.name;
        email = builder.email;
        phone = builder.phone;
        jobTitle = builder.jobTitle;
        commissionPercent = builder.commissionPercent;
        blocked = builder.blocked;
        userName = builder.userName;
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding the editable fields of {@code current} */
    public static Builder from(Salesperson current) {
        return builder().name(current.name()).email(current.email()).phone(current.phone()).jobTitle(current.jobTitle()).commissionPercent(current.commissionPercent()).blocked(current.blocked()).userName(current.userName());
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public String jobTitle() {
        return jobTitle;
    }

    public BigDecimal commissionPercent() {
        return commissionPercent;
    }

    public boolean blocked() {
        return blocked;
    }

    public String userName() {
        return userName;
    }

    public static final class Builder {
        private String name;
        private String email;
        private String phone;
        private String jobTitle;
        private BigDecimal commissionPercent;
        private boolean blocked;
        private String userName;

        private Builder() {
        }

        /** @param name required, up to {@value Salesperson#NAME_LENGTH} characters */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** @param email up to {@value Salesperson#EMAIL_LENGTH} characters */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** @param phone up to {@value Salesperson#PHONE_LENGTH} characters */
        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        /** @param jobTitle up to {@value Salesperson#JOB_TITLE_LENGTH} characters */
        public Builder jobTitle(String jobTitle) {
            this.jobTitle = jobTitle;
            return this;
        }

        /** @param commissionPercent 0 to 100, may be null */
        public Builder commissionPercent(BigDecimal commissionPercent) {
            this.commissionPercent = commissionPercent;
            return this;
        }

        /** @param blocked a blocked salesperson cannot be given to new or changed records */
        public Builder blocked(boolean blocked) {
            this.blocked = blocked;
            return this;
        }

        /** @param userName the login (JAAS user name) that acts as this salesperson, up to {@value Salesperson#USER_NAME_LENGTH} characters, unique; may be null */
        public Builder userName(String userName) {
            this.userName = userName;
            return this;
        }

        public SalespersonValues build() {
            return new SalespersonValues(this);
        }
    }
}
