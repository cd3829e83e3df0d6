package org.opportune.opportunities.internal;

import static org.opportune.api.Codes.normalise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.Predicate;
import javax.persistence.criteria.Root;

import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.persistence.Listing;

/**
 * The WHERE conditions of an opportunity list: the opportunities the caller may see and every filter of the query
 * that is set.
 *
 * @param staleLimits the stages' limits when the query asks for {@code stale}, else unused (null)
 * @param today       the day {@code stale} is judged on
 */
record OpportunityFilter(OpportunityQuery query, Scope scope, StaleLimits staleLimits, LocalDate today)
        implements Listing.Filter<OpportunityEntity> {

    @Override
    public List<Predicate> predicates(CriteriaBuilder cb, Root<OpportunityEntity> root) {
        List<Predicate> where = new ArrayList<>();
        scope.predicate(cb, root.get("salespersonCode")).ifPresent(where::add);
        if (query.text() != null && !query.text().isBlank()) {
            where.add(Listing.containsIgnoreCase(cb, root, query.text().trim(), "no", "description"));
        }
        equal(where, cb, root, "status", query.status());
        equal(where, cb, root, "closed", query.closed());
        equal(where, cb, root, "salespersonCode", normalise(query.salespersonCode()));
        equal(where, cb, root, "contactNo", normalise(query.contactNo()));
        equal(where, cb, root, "contactCompanyNo", normalise(query.contactCompanyNo()));
        equal(where, cb, root, "salesCycleCode", normalise(query.salesCycleCode()));
        equal(where, cb, root, "currentStage", query.currentStage());
        equal(where, cb, root, "priority", query.priority());
        range(where, cb, root, "creationDate", query.creationDateFrom(), query.creationDateTo());
        range(where, cb, root, "estimatedCloseDate", query.estimatedCloseDateFrom(), query.estimatedCloseDateTo());
        if (query.stale() != null) {
            staleLimits.condition(cb, root, today, query.stale()).ifPresent(where::add);
        }
        return where;
    }

    private static void equal(List<Predicate> where, CriteriaBuilder cb, Root<OpportunityEntity> root,
            String attribute, Object value) {
        if (value != null) {
            where.add(cb.equal(root.get(attribute), value));
        }
    }

    private static void range(List<Predicate> where, CriteriaBuilder cb, Root<OpportunityEntity> root,
            String attribute, LocalDate from, LocalDate to) {
        if (from != null) {
            where.add(cb.greaterThanOrEqualTo(root.<LocalDate>get(attribute), from));
        }
        if (to != null) {
            where.add(cb.lessThanOrEqualTo(root.<LocalDate>get(attribute), to));
        }
    }
}
