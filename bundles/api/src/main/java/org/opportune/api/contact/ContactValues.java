package org.opportune.api.contact;

/**
 * The editable fields of a contact, given on create and all replaced on update: what is not set is
 * cleared. Start from the current values to change some of them:
 * {@code ContactValues.from(current).phone("+1 555 0100").build()}.
 */
public final class ContactValues {
    private final ContactType type;
    private final String name;
    private final String companyNo;
    private final String salespersonCode;
    private final String email;
    private final String phone;
    private final String mobilePhone;
    private final String jobTitle;
    private final Address address;

    private ContactValues(Builder builder) {
        type = builder.type;
        name = builder.name;
        companyNo = builder.companyNo;
        salespersonCode = builder.salespersonCode;
        email = builder.email;
        phone = builder.phone;
        mobilePhone = builder.mobilePhone;
        jobTitle = builder.jobTitle;
        address = builder.address;
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding the editable fields of {@code current} */
    public static Builder from(Contact current) {
        return builder().type(current.type()).name(current.name()).companyNo(current.companyNo()).salespersonCode(current.salespersonCode()).email(current.email()).phone(current.phone()).mobilePhone(current.mobilePhone()).jobTitle(current.jobTitle()).address(current.address());
    }

    public ContactType type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String companyNo() {
        return companyNo;
    }

    public String salespersonCode() {
        return salespersonCode;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public String mobilePhone() {
        return mobilePhone;
    }

    public String jobTitle() {
        return jobTitle;
    }

    public Address address() {
        return address;
    }

    public static final class Builder {
        private ContactType type;
        private String name;
        private String companyNo;
        private String salespersonCode;
        private String email;
        private String phone;
        private String mobilePhone;
        private String jobTitle;
        private Address address;

        private Builder() {
        }

        /** @param type required */
        public Builder type(ContactType type) {
            this.type = type;
            return this;
        }

        /** @param name required, up to {@value Contact#NAME_LENGTH} characters */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** @param companyNo for a person, an existing company contact; for a company, ignored (its own no.) */
        public Builder companyNo(String companyNo) {
            this.companyNo = companyNo;
            return this;
        }

        /** @param salespersonCode an assignable salesperson, may be null */
        public Builder salespersonCode(String salespersonCode) {
            this.salespersonCode = salespersonCode;
            return this;
        }

        /** @param email up to {@value Contact#EMAIL_LENGTH} characters */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** @param phone up to {@value Contact#PHONE_LENGTH} characters */
        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        /** @param mobilePhone up to {@value Contact#PHONE_LENGTH} characters */
        public Builder mobilePhone(String mobilePhone) {
            this.mobilePhone = mobilePhone;
            return this;
        }

        /** @param jobTitle up to {@value Contact#JOB_TITLE_LENGTH} characters */
        public Builder jobTitle(String jobTitle) {
            this.jobTitle = jobTitle;
            return this;
        }

        /** @param address null for none */
        public Builder address(Address address) {
            this.address = address;
            return this;
        }

        public ContactValues build() {
            return new ContactValues(this);
        }
    }
}
