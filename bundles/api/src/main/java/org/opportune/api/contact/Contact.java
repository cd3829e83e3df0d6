package org.opportune.api.contact;

/**
 * A company or person contact (DOMAIN §1). Used both as what a client sends and what the service
 * returns; {@code companyName} and {@code version} are owned by the server and ignored on input.
 *
 * @param no              the key; given by the number series when null on create
 * @param companyNo       for a person, the company it belongs to (may be null); for a company, its own no.
 * @param companyName     derived from the company contact
 * @param salespersonCode the salesperson in charge, may be null
 */
public record Contact(String no, ContactType type, String name, String companyNo, String companyName,
        String salespersonCode, String email, String phone, String mobilePhone, String jobTitle, Address address,
        Long version) {

    public static final int NO_LENGTH = 20;
    public static final int NAME_LENGTH = 100;
    public static final int EMAIL_LENGTH = 80;
    public static final int PHONE_LENGTH = 30;
    public static final int JOB_TITLE_LENGTH = 30;
}
