package org.opportune.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.opportune.api.ConflictException;
import org.opportune.api.UsageCheck;
import org.opportune.api.whiteboard.RankedRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.opportune.api.whiteboard.RankedRegistry.Registration;

/**
 * The usage checks currently registered for one kind of record. The owning module binds, updates and
 * unbinds them as DS dynamic references, with their service properties, and asks them before every
 * delete.
 * <p>
 * Which registration of a name is asked is the {@link RankedRegistry}'s decision, as for every
 * whiteboard of Opportune: a check's name is its {@value UsageCheck#NAME_PROPERTY} property, compared
 * ignoring case; of several with one name the highest {@code service.ranking} is asked; a check
 * without the property is refused, reported once through the owner's {@code refusals} consumer and
 * never asked.
 */
public final class UsageChecks {
    private final RankedRegistry<UsageCheck> checks;

    /** @param refusals told once, in a sentence, about each refused check (the owner logs it) */
    public UsageChecks(Consumer<String> refusals) {
        checks = new RankedRegistry<>("usage check", UsageCheck.NAME_PROPERTY, refusals);
    }

    /** @param properties the check's service properties, {@value UsageCheck#NAME_PROPERTY} among them */
    public void add(UsageCheck check, Map<String, ?> properties) {
        Bundle bundle = FrameworkUtil.getBundle(check.getClass()); // null outside OSGi, e.g. in unit tests
        add(check, properties, bundle == null ? null : bundle.getSymbolicName());
    }

    /** @param bundle the symbolic name of the bundle that brings the check, null when unknown */
    void add(UsageCheck check, Map<String, ?> properties, String bundle) {
        checks.add(check, properties, bundle);
    }

    /** Takes changed properties, e.g. a new ranking, keeping the registration's place and bundle. */
    public void update(UsageCheck check, Map<String, ?> properties) {
        checks.update(check, properties);
    }

    public void remove(UsageCheck check) {
        checks.remove(check);
    }

    /** @return every registration, refused ones included, by name ignoring case, the one in use first */
    public List<Registration<UsageCheck>> registrations() {
        return checks.registrations();
    }

    /**
     * Asks every check in use, one per name, in the order of their names (ignoring case).
     *
     * @param record how to name the record in the refusal, e.g. {@code salesperson JO}
     * @throws ConflictException listing every check that says the record is in use
     */
    public void refuseDeleteIfUsed(String record, String key) {
        List<String> usages = new ArrayList<>();
        for (Registration<UsageCheck> check : checks.inUse()) {
            Optional<String> usage = check.service().usageOf(key);
            usage.ifPresent(usages::add);
        }
        if (!usages.isEmpty()) {
            throw new ConflictException(record + " cannot be deleted: " + String.join("; ", usages));
        }
    }
}
