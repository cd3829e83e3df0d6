package org.opportune.api.contact;

import java.util.Objects;

/**
 * A postal address; every part is optional:
 * {@code Address.builder().line1("1 Main St").city("Springfield").countryCode("US").build()}.
 */
public final class Address {
    public static final int LINE_LENGTH = 100;
    public static final int CITY_LENGTH = 30;
    public static final int POST_CODE_LENGTH = 20;
    public static final int COUNTY_LENGTH = 30;
    public static final int COUNTRY_CODE_LENGTH = 10;
    public static final Address EMPTY = builder().build();

    private final String line1;
    private final String line2;
    private final String city;
    private final String postCode;
    private final String county;
    private final String countryCode;

    private Address(Builder builder) {
        line1 = builder.line1;
        line2 = builder.line2;
        city = builder.city;
        postCode = builder.postCode;
        county = builder.county;
        countryCode = builder.countryCode;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String line1() {
        return line1;
    }

    public String line2() {
        return line2;
    }

    public String city() {
        return city;
    }

    public String postCode() {
        return postCode;
    }

    public String county() {
        return county;
    }

    public String countryCode() {
        return countryCode;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Address address && Objects.equals(line1, address.line1)
                && Objects.equals(line2, address.line2) && Objects.equals(city, address.city)
                && Objects.equals(postCode, address.postCode) && Objects.equals(county, address.county)
                && Objects.equals(countryCode, address.countryCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(line1, line2, city, postCode, county, countryCode);
    }

    @Override
    public String toString() {
        return "Address[" + line1 + ", " + line2 + ", " + postCode + " " + city + ", " + county + ", " + countryCode
                + "]";
    }

    public static final class Builder {
        private String line1;
        private String line2;
        private String city;
        private String postCode;
        private String county;
        private String countryCode;

        private Builder() {
        }

        /** @param line1 up to {@value Address#LINE_LENGTH} characters */
        public Builder line1(String line1) {
            this.line1 = line1;
            return this;
        }

        /** @param line2 up to {@value Address#LINE_LENGTH} characters */
        public Builder line2(String line2) {
            this.line2 = line2;
            return this;
        }

        /** @param city up to {@value Address#CITY_LENGTH} characters */
        public Builder city(String city) {
            this.city = city;
            return this;
        }

        /** @param postCode up to {@value Address#POST_CODE_LENGTH} characters */
        public Builder postCode(String postCode) {
            this.postCode = postCode;
            return this;
        }

        /** @param county up to {@value Address#COUNTY_LENGTH} characters */
        public Builder county(String county) {
            this.county = county;
            return this;
        }

        /** @param countryCode up to {@value Address#COUNTRY_CODE_LENGTH} characters */
        public Builder countryCode(String countryCode) {
            this.countryCode = countryCode;
            return this;
        }

        public Address build() {
            return new Address(this);
        }
    }
}
