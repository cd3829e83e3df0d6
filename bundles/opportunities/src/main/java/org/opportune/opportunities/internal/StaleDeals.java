package org.opportune.opportunities.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import javax.persistence.LockModeType;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.CriteriaQuery;
import javax.persistence.criteria.Root;
import javax.persistence.criteria.Subquery;

import org.opportune.api.ConflictException;
import org.opportune.api.caller.Caller;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityStatus;

/**
 * One look for stage visits that became stale (DOMAIN §11), posting {@code STALE} once per visit across nodes and
 * restarts: the visits that are stale today and have no notice row are found by one query (a batch at a time), and
 * each is claimed by inserting its notice row (key: the visit's entry) in a short transaction of its own, under the
 * opportunity's row lock, so that a move or deletion meanwhile ends the visit first. Only the run whose insert
 * commits posts the event, after the commit; a visit claimed by another node (the row is there, or its key is
 * taken) is skipped. Memory decides nothing.
 */
final class StaleDeals {
    /** Visits looked at per query; the next batch starts after the last opportunity number. */
    static final int BATCH = 500;

    private final OpportunityStore store;
    private final Modules modules;

    StaleDeals(OpportunityStore store, Modules modules) {
        this.store = store;
        this.modules = modules;
    }

    /** A visit this run claimed, with what its event says. */
    private record Claimed(Opportunity opportunity, long entryNo, LocalDate dateOfChange, int daysIdle,
            int maxDaysIdle) {
    }

    /**
     * @param stopping asked between two claims: true ends the look early (the rest waits for the next one)
     * @return the numbers of the opportunities whose STALE event this look posted
     * @throws org.opportune.api.UnavailableException the cycles module, which knows the limits, is not running
     */
    List<String> check(BooleanSupplier stopping) {
        if (modules.eventAdmin == null) {
            return List.of(); // a claim now would be a visit never posted: wait until there is someone to tell
        }
        StaleLimits limits = StaleLimits.read(modules.cycles());
        if (limits.isEmpty()) {
            return List.of();
        }
        LocalDate today = modules.today();
        List<String> posted = new ArrayList<>();
        String after = "";
        List<Object[]> found;
        do {
            found = unnoticed(limits, today, after);
            for (Object[] visit : found) {
                if (stopping.getAsBoolean()) {
                    return posted;
                }
                String no = (String) visit[0];
                claim(no, ((Number) visit[1]).longValue(), limits, today).ifPresent(claimed -> {
                    post(claimed);
                    posted.add(no);
                });
                after = no;
            }
        } while (found.size() == BATCH);
        return posted;
    }

    /** (no., active entry no.) of the stale opportunities after {@code after} whose visit has no notice yet. */
    private List<Object[]> unnoticed(StaleLimits limits, LocalDate today, String after) {
        return store.jpa().read(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
            Root<OpportunityEntity> opportunity = query.from(OpportunityEntity.class);
            Subquery<Long> notice = query.subquery(Long.class);
            Root<StaleNoticeEntity> notices = notice.from(StaleNoticeEntity.class);
            notice.select(notices.<Long>get("entryNo"))
                    .where(cb.equal(notices.get("entryNo"), opportunity.get("activeEntryNo")));
            query.multiselect(opportunity.get("no"), opportunity.get("activeEntryNo"))
                    .where(limits.condition(cb, opportunity, today, true).orElseThrow(),
                            cb.not(cb.exists(notice)), cb.greaterThan(opportunity.<String>get("no"), after))
                    .orderBy(cb.asc(opportunity.get("no")));
            return em.createQuery(query).setMaxResults(BATCH).getResultList();
        });
    }

    /** @return the visit claimed by this run; empty when it ended meanwhile or another node claimed it */
    private Optional<Claimed> claim(String no, long entryNo, StaleLimits limits, LocalDate today) {
        try {
            return store.jpa().inTransaction(em -> {
                OpportunityEntity entity = em.find(OpportunityEntity.class, no, LockModeType.PESSIMISTIC_WRITE);
                if (entity == null || entity.status() != OpportunityStatus.IN_PROGRESS
                        || !Objects.equals(entity.activeEntryNo(), entryNo)) {
                    return Optional.empty(); // deleted, closed or moved since it was found: that visit is over
                }
                Integer daysIdle = entity.daysIdle(today);
                Optional<Integer> max = limits.maxDaysIdle(entity.salesCycleCode(), entity.currentStage());
                if (max.isEmpty() || daysIdle <= max.get() || em.find(StaleNoticeEntity.class, entryNo) != null) {
                    return Optional.empty();
                }
                em.persist(new StaleNoticeEntity(entryNo, no, daysIdle, modules.clock().instant()));
                em.flush();
                return Optional.of(new Claimed(entity.toView(today), entryNo, entity.lastDateOfChange(), daysIdle,
                        max.get()));
            });
        } catch (ConflictException taken) {
            // the key was taken between our look and our insert, or the row stayed locked: another node has it, or
            // the next look will
            return Optional.empty();
        }
    }

    private void post(Claimed claimed) {
        EventBatch events = modules.events(Caller.system().userName());
        events.stale(claimed.opportunity(), claimed.entryNo(), claimed.dateOfChange(), claimed.daysIdle(),
                claimed.maxDaysIdle());
        events.post(modules.eventAdmin);
    }
}
