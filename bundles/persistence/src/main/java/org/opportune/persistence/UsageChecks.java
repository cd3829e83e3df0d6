package org.opportune.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.opportune.api.ConflictException;
import org.opportune.api.UsageCheck;

/**
 * The usage checks currently registered for one kind of record. The owning module binds and
 * unbinds them as DS dynamic references and asks them before every delete.
 */
public final class UsageChecks {
    private final List<UsageCheck> checks = new CopyOnWriteArrayList<>();

    public void add(UsageCheck check) {
        checks.add(check);
    }

    public void remove(UsageCheck check) {
        checks.remove(check);
    }

    /**
     * @param record how to name the record in the refusal, e.g. {@code salesperson JO}
     * @throws ConflictException listing every check that says the record is in use
     */
    public void refuseDeleteIfUsed(String record, String key) {
        List<String> usages = new ArrayList<>();
        for (UsageCheck check : checks) {
            Optional<String> usage = check.usageOf(key);
            usage.ifPresent(usages::add);
        }
        if (!usages.isEmpty()) {
            throw new ConflictException(record + " cannot be deleted: " + String.join("; ", usages));
        }
    }
}
