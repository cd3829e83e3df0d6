package org.opportune.api.cycle;

import org.opportune.api.Audited;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A close opportunity code (DOMAIN §1) as the service returns it, read-only: the reason an
 * opportunity was won or lost. Closing needs a code of the matching type. Callers give {@link CloseCodeValues}.
 */
@ProviderType
public interface CloseOpportunityCode extends Audited {
    int CODE_LENGTH = 10;
    int DESCRIPTION_LENGTH = 100;

    /** @return the key, up to 10 characters, upper-case */
    String code();

    String description();

    CloseOpportunityCodeType type();

    /** @return the row version, for optimistic concurrency */
    long version();
}
