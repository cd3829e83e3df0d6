package org.opportune.opportunities.internal;

import java.util.Optional;

import javax.persistence.TypedQuery;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.Expression;
import javax.persistence.criteria.Predicate;

/**
 * Which opportunities one service call covers (DOMAIN §12): every one, those of one salesperson, or none. It is a
 * condition of every query the call runs, never a filter of what the query returned, so that paging, totals and
 * figures stay right. Covering everything adds nothing to a query.
 * <p>
 * An opportunity belongs to the salesperson it names now; its entries belong to it with it, whichever salesperson
 * each entry recorded when it was written.
 *
 * @param all             every opportunity
 * @param salespersonCode the one salesperson whose opportunities are covered; null with {@code all} or for none
 */
record Scope(boolean all, String salespersonCode) {
    static final Scope EVERYTHING = new Scope(true, null);
    static final Scope NOTHING = new Scope(false, null);

    /** The name of the query parameter the JPQL conditions bind. */
    private static final String OWNER = "scopeOwner";

    static Scope ofSalesperson(String salespersonCode) {
        return salespersonCode == null ? NOTHING : new Scope(false, salespersonCode);
    }

    /** @return whether an opportunity of this salesperson is covered */
    boolean covers(String opportunitySalespersonCode) {
        return all || salespersonCode != null && salespersonCode.equals(opportunitySalespersonCode);
    }

    /** @return the criteria condition on an opportunity's salesperson code; none when everything is covered */
    Optional<Predicate> predicate(CriteriaBuilder cb, Expression<String> opportunitySalespersonCode) {
        if (all) {
            return Optional.empty();
        }
        return Optional.of(salespersonCode == null ? cb.disjunction()
                : cb.equal(opportunitySalespersonCode, salespersonCode));
    }

    /** @return {@code AND …} on the opportunity aliased {@code alias}, empty when everything is covered */
    String onOpportunity(String alias) {
        if (all) {
            return "";
        }
        return salespersonCode == null ? " AND 1 = 0" : " AND " + alias + ".salespersonCode = :" + OWNER;
    }

    /** @return {@code AND …} on the entry aliased {@code alias}, by its opportunity's salesperson now */
    String onEntries(String alias) {
        if (all) {
            return "";
        }
        return salespersonCode == null ? " AND 1 = 0"
                : " AND " + alias + ".opportunityNo IN (SELECT owned.no FROM OpportunityEntity owned"
                        + " WHERE owned.salespersonCode = :" + OWNER + ")";
    }

    /** Binds the parameter of {@link #onOpportunity} and {@link #onEntries}, if the query has it. */
    <T> TypedQuery<T> bind(TypedQuery<T> query) {
        if (!all && salespersonCode != null) {
            query.setParameter(OWNER, salespersonCode);
        }
        return query;
    }
}
