package org.opportune.tasks.internal;

import java.util.Optional;

import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.Expression;
import javax.persistence.criteria.Predicate;

/**
 * Which tasks one service call covers (DOMAIN §12): every one, those of one salesperson, or none. It is a condition
 * of every query the call runs, never a filter of what the query returned, so that paging and counts stay right.
 *
 * @param all             every task
 * @param salespersonCode the one salesperson whose tasks are covered; null with {@code all} or for none
 */
record TaskScope(boolean all, String salespersonCode) {
    static final TaskScope EVERYTHING = new TaskScope(true, null);
    static final TaskScope NOTHING = new TaskScope(false, null);

    static TaskScope ofSalesperson(String salespersonCode) {
        return salespersonCode == null ? NOTHING : new TaskScope(false, salespersonCode);
    }

    /** @return whether no task at all is covered */
    boolean empty() {
        return !all && salespersonCode == null;
    }

    /** @return whether a task of this salesperson is covered */
    boolean covers(String taskSalespersonCode) {
        return all || salespersonCode != null && salespersonCode.equals(taskSalespersonCode);
    }

    /** @return the criteria condition on a task's salesperson code; none when everything is covered */
    Optional<Predicate> predicate(CriteriaBuilder cb, Expression<String> taskSalespersonCode) {
        if (all) {
            return Optional.empty();
        }
        return Optional.of(salespersonCode == null ? cb.disjunction() : cb.equal(taskSalespersonCode, salespersonCode));
    }
}
