package org.opportune.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A guard consulted before a record is deleted: the module that uses records of another module
 * registers one, so the owner can refuse the delete without knowing who uses its records.
 * <p>
 * Register it as an OSGi service with the property {@value #RESOURCE} naming the kind of record it
 * checks (see {@link UsageResources}) and {@value #NAME_PROPERTY} naming the check. Every check in use
 * for that kind is asked, in the order of their names; the delete is refused with HTTP 409 listing
 * every answer. As for every whiteboard of Opportune (see
 * {@link org.opportune.api.whiteboard.RankedRegistry}), the name property is the name, compared
 * ignoring case: of two checks with one name the higher {@code service.ranking} is in use (so a check
 * can be replaced), and a check without a name is refused, never asked, logged and listed with its
 * problem under {@code /extensions}.
 */
@ConsumerType
public interface UsageCheck {
    /** Service property: the kind of record checked, one of {@link UsageResources}. */
    String RESOURCE = "opportune.usage.resource";

    /** Service property: the check's name, e.g. {@code open-opportunities}; required. */
    String NAME_PROPERTY = "opportune.usage.check";

    /**
     * @param key the key of the record about to be deleted (for a sales cycle stage:
     *            {@code CYCLE/stage}, e.g. {@code STD/2})
     * @return why the record is still in use, e.g. "salesperson JO has 3 open opportunities",
     *         or empty when it may be deleted
     */
    Optional<String> usageOf(String key);
}
