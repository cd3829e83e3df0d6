package org.opportune.api.salesperson;

import java.math.BigDecimal;

import org.opportune.api.Audited;
import org.osgi.annotation.versioning.ProviderType;

/** A salesperson (DOMAIN §1) as the service returns it, read-only; callers give {@link SalespersonValues}. */
@ProviderType
public interface Salesperson extends Audited {
    int CODE_LENGTH = 20;
    int NAME_LENGTH = 50;
    int EMAIL_LENGTH = 80;
    int PHONE_LENGTH = 30;
    int JOB_TITLE_LENGTH = 30;
    int USER_NAME_LENGTH = 50;

    /** @return the key, up to 20 characters, upper-case */
    String code();

    String name();

    String email();

    String phone();

    String jobTitle();

    /** @return 0 to 100, may be null */
    BigDecimal commissionPercent();

    /** @return a blocked salesperson cannot be given to new or changed opportunities or contacts */
    boolean blocked();

    /** @return the login (JAAS user name) that acts as this salesperson (DOMAIN §12), null for none */
    String userName();

    /** @return the row version, for optimistic concurrency */
    long version();
}
