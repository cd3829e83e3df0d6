package org.opportune.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A guard consulted before a record is deleted: the module that uses records of another module
 * registers one, so the owner can refuse the delete without knowing who uses its records.
 * <p>
 * Register it as an OSGi service with the property {@value #RESOURCE} naming the kind of record it
 * checks (see {@link UsageResources}). Every check registered for that kind is asked; the delete is
 * refused with HTTP 409 listing every answer.
 */
@ConsumerType
public interface UsageCheck {
    /** Service property: the kind of record checked, one of {@link UsageResources}. */
    String RESOURCE = "opportune.usage.resource";

    /**
     * @param key the key of the record about to be deleted (for a sales cycle stage:
     *            {@code CYCLE/stage}, e.g. {@code STD/2})
     * @return why the record is still in use, e.g. "salesperson JO has 3 open opportunities",
     *         or empty when it may be deleted
     */
    Optional<String> usageOf(String key);
}
