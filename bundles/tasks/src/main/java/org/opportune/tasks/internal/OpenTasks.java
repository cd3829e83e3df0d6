package org.opportune.tasks.internal;

import java.util.Optional;

import org.opportune.api.Codes;
import org.opportune.api.task.TaskStatus;

/**
 * DOMAIN §10: a salesperson or contact with open tasks cannot be deleted. Every open task counts, whoever asks: the
 * check protects the tasks, not what the caller sees.
 */
final class OpenTasks {
    private final TasksDatabase database;
    private final String attribute;
    private final String resource;

    /**
     * @param attribute the task's attribute that names the record, e.g. {@code salespersonCode}
     * @param resource  how the answer names the record, e.g. {@code salesperson}
     */
    OpenTasks(TasksDatabase database, String attribute, String resource) {
        this.database = database;
        this.attribute = attribute;
        this.resource = resource;
    }

    /** @return e.g. {@code salesperson JO has 2 open tasks}; empty when it has none */
    Optional<String> usageOf(String key) {
        String code = Codes.normalise(key);
        if (code == null) {
            return Optional.empty(); // a blank key names no record
        }
        long open = database.jpa().read(em -> em.createQuery("SELECT COUNT(t) FROM TaskEntity t WHERE t." + attribute
                + " = :key AND t.status = :open", Long.class).setParameter("key", code)
                .setParameter("open", TaskStatus.OPEN).getSingleResult());
        return open == 0 ? Optional.empty()
                : Optional.of(resource + " " + code + " has " + open + " open task" + (open == 1 ? "" : "s"));
    }
}
