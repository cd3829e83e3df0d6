package org.opportune.api.contact;

import org.opportune.api.Audited;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A company or person contact (DOMAIN §1) as the service returns it, read-only; callers give
 * {@link ContactValues}.
 */
@ProviderType
public interface Contact extends Audited {
    int NO_LENGTH = 20;
    int NAME_LENGTH = 100;
    int EMAIL_LENGTH = 80;
    int PHONE_LENGTH = 30;
    int JOB_TITLE_LENGTH = 30;

    String no();

    ContactType type();

    String name();

    /** @return for a person, the company it belongs to (may be null); for a company, its own no. */
    String companyNo();

    /** @return the company contact's name */
    String companyName();

    /** @return the salesperson in charge, may be null */
    String salespersonCode();

    String email();

    String phone();

    String mobilePhone();

    String jobTitle();

    /** @return the address, never null (every part may be) */
    Address address();

    /** @return the row version, for optimistic concurrency */
    long version();
}
