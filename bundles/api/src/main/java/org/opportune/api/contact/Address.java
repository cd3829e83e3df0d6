package org.opportune.api.contact;

/** A postal address; every part is optional. */
public record Address(String line1, String line2, String city, String postCode, String county, String countryCode) {
    public static final int LINE_LENGTH = 100;
    public static final int CITY_LENGTH = 30;
    public static final int POST_CODE_LENGTH = 20;
    public static final int COUNTY_LENGTH = 30;
    public static final int COUNTRY_CODE_LENGTH = 10;

    public static final Address EMPTY = new Address(null, null, null, null, null, null);
}
