package org.opportune.opportunities.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.Path;
import javax.persistence.criteria.Predicate;

import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleQuery;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.opportunity.OpportunityStatus;

/**
 * The stages of every sales cycle that set a {@code maxDaysIdle} (DOMAIN §11), read from the cycles module when a
 * call needs them, and "stale as of a day" as a condition on the OPPORTUNITY rows: in progress, at one of those
 * stages, and its active entry's date of change before the day minus the stage's limit (today − date of change >
 * limit). A condition of the query, so that paging, totals and the caller's scope stay right.
 */
final class StaleLimits {
    static final StaleLimits NONE = new StaleLimits(Map.of());

    /** Cycle code → (stage → maxDaysIdle), only stages with a limit. */
    private final Map<String, Map<Integer, Integer>> limits;

    private StaleLimits(Map<String, Map<Integer, Integer>> limits) {
        this.limits = limits;
    }

    /**
     * Every cycle's limits, page by page (cycles are few).
     *
     * @throws org.opportune.api.OpportuneException the cycles module refused
     */
    static StaleLimits read(SalesCycleService cycles) {
        List<SalesCycle> all = new ArrayList<>();
        for (int offset = 0;; offset += PageRequest.MAX_LIMIT) {
            Page<SalesCycle> page = cycles.list(SalesCycleQuery.all(),
                    new PageRequest(offset, PageRequest.MAX_LIMIT, List.of()));
            all.addAll(page.items());
            if (page.items().isEmpty() || offset + page.items().size() >= page.total()) {
                break;
            }
        }
        return of(all);
    }

    static StaleLimits of(List<SalesCycle> cycles) {
        Map<String, Map<Integer, Integer>> limits = new LinkedHashMap<>();
        for (SalesCycle cycle : cycles) {
            for (SalesCycleStage stage : cycle.stages()) {
                Integer max = stage.maxDaysIdle();
                if (max != null && max >= 1) {
                    limits.computeIfAbsent(cycle.code(), code -> new LinkedHashMap<>()).put(stage.stage(), max);
                }
            }
        }
        return new StaleLimits(Map.copyOf(limits));
    }

    boolean isEmpty() {
        return limits.isEmpty();
    }

    /** @return the limit of the stage, empty when it sets none (or is gone) */
    Optional<Integer> maxDaysIdle(String cycleCode, Integer stage) {
        Map<Integer, Integer> stages = limits.get(cycleCode);
        return stages == null || stage == null ? Optional.empty() : Optional.ofNullable(stages.get(stage));
    }

    /**
     * @param opportunity the OPPORTUNITY row (an {@link OpportunityEntity} root)
     * @param stale       true: the stale ones; false: all the others
     * @return the condition; none for "not stale" when no stage sets a limit (every opportunity is not stale)
     */
    Optional<Predicate> condition(CriteriaBuilder cb, Path<?> opportunity, LocalDate today, boolean stale) {
        if (limits.isEmpty()) {
            return stale ? Optional.of(cb.disjunction()) : Optional.empty();
        }
        List<Predicate> perCycle = new ArrayList<>();
        limits.forEach((cycle, stages) -> {
            List<Predicate> perStage = new ArrayList<>();
            stages.forEach((stage, max) -> perStage.add(cb.and(cb.equal(opportunity.get("currentStage"), stage),
                    cb.lessThan(opportunity.<LocalDate>get("lastDateOfChange"), today.minusDays(max)))));
            perCycle.add(cb.and(cb.equal(opportunity.get("salesCycleCode"), cycle),
                    cb.or(perStage.toArray(Predicate[]::new))));
        });
        Predicate isStale = cb.and(cb.equal(opportunity.get("status"), OpportunityStatus.IN_PROGRESS),
                cb.or(perCycle.toArray(Predicate[]::new)));
        // every column of the condition is set on an opportunity in progress: NOT is the exact complement
        return Optional.of(stale ? isStale : cb.not(isStale));
    }
}
