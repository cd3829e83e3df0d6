package org.opportune.api;

import java.time.Instant;

/** A record that knows who changed it last and when (DOMAIN §12). */
public interface Audited {
    /** @return the user name of the last change ({@code system} for the server's own work), null for rows older than 2.0 */
    String changedBy();

    /** @return when the last change was committed, in UTC; null for rows older than 2.0 */
    Instant changedAt();
}
