package org.opportune.rest.internal.dto;

/** The JSON of one record: its row version, which the answer repeats as ETag. */
public interface Versioned {
    /** @return the row version; null in a body that leaves it out */
    Long version();
}
