package org.opportune.opportunities.internal;

import static org.opportune.api.Codes.normalise;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.Query;
import javax.persistence.TypedQuery;

import org.opportune.api.NotFoundException;
import org.opportune.api.ValidationException;
import org.opportune.api.caller.CallerContext;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactType;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.statistics.Aggregation;
import org.opportune.api.statistics.ContactStatistics;
import org.opportune.api.statistics.Figures;
import org.opportune.api.statistics.Group;
import org.opportune.api.statistics.GroupKey;
import org.opportune.api.statistics.GroupsAndTotal;
import org.opportune.api.statistics.OpportunityStatistics;
import org.opportune.api.statistics.OpportunityStatistics.StageDays;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.opportune.api.statistics.SalesCycleStatistics;
import org.opportune.api.statistics.SalespersonStatistics;
import org.opportune.api.statistics.StageActivity;
import org.opportune.api.statistics.StageStatistics;
import org.opportune.persistence.AdminOnly;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The figures of DOMAIN §8, each from a few GROUP BY queries over the module's indexed tables. Current
 * figures come from the OPPORTUNITY rows, which carry their active entry's values; history figures
 * (average days, as-of, stage activity) from OPPORTUNITY_ENTRY.
 * <p>
 * As of day D an entry counts as active when it is its opportunity's last entry written on or before D
 * ({@code dateOfChange <= D} and not replaced by D: {@code validTo} null or after D); an entry counts as inactive
 * (for average days) when a later entry of its opportunity was written on or before D ({@code validTo <= D}) — its
 * days open are then final.
 * <p>
 * Every figure covers the opportunities the caller may see (DOMAIN §12): a salesperson's are those of its own
 * salesperson, as a condition of each query; entries count with the opportunity they belong to now.
 * <p>
 * Nothing is rounded while it is computed (DOMAIN): sums are added up and averages divided exactly
 * (see {@link Sums}), and each figure handed out is rounded once, to the 2 decimals it is shown with.
 */
@Component(immediate = true, service = OpportunityStatisticsService.class, property = "opportune.module=opportunities")
public class OpportunityStatisticsServiceImpl implements OpportunityStatisticsService {
    private static final int AVERAGE_SCALE = 2;

    private final OpportunityStore store;
    private final Modules modules;
    private final Ownership ownership;
    private final CallerContext callers;

    @Activate
    public OpportunityStatisticsServiceImpl(@Reference OpportunityStore store, @Reference Modules modules,
            @Reference CallerContext callers) {
        this.store = store;
        this.modules = modules;
        this.ownership = new Ownership(modules, callers);
        this.callers = callers;
    }

    // ---- DOMAIN §8 ----------------------------------------------------------------------------

    @Override
    public SalesCycleStatistics salesCycle(String salesCycleCode, LocalDate estimatedCloseDateFrom,
            LocalDate estimatedCloseDateTo, LocalDate asOf) {
        checkRange("estimatedCloseDate", estimatedCloseDateFrom, estimatedCloseDateTo);
        SalesCycle cycle = existingCycle(salesCycleCode);
        Scope scope = ownership.reads();
        Map<Integer, Sums> atStage = new HashMap<>();
        Map<Integer, BigDecimal> averageDays = new HashMap<>(); // exact, rounded only when handed out
        boolean byCloseDate = estimatedCloseDateFrom != null || estimatedCloseDateTo != null;
        if (asOf == null) {
            // now: the counters (StageFigures) have the open opportunities per stage and the days of the entries
            // that are no longer active, which no close date limits
            stageFigures(cycle.code(), scope).forEach((stage, counts) -> {
                if (!byCloseDate) {
                    atStage.put(stage, counts.openSums());
                }
                averageDays.put(stage, exactAverage(BigDecimal.valueOf(counts.closedDays()), counts.closedEntries()));
            });
        }
        if (asOf != null || byCloseDate) {
            store.jpa().read(em -> {
                String ecd = (estimatedCloseDateFrom == null ? "" : " AND x.estimatedCloseDate >= :from")
                        + (estimatedCloseDateTo == null ? "" : " AND x.estimatedCloseDate <= :to");
                TypedQuery<Object[]> current;
                if (asOf == null) {
                    // counting an indexed column (not the key) keeps this an index-only scan of
                    // OPPORTUNITY_CYCLE_FIGURES
                    current = em.createQuery("SELECT x.currentStage, COUNT(x.salesCycleCode), SUM(x.estimatedValue),"
                            + " SUM(x.calculatedCurrentValue) FROM OpportunityEntity x WHERE x.salesCycleCode = :cycle"
                            + " AND x.status = :inProgress" + ecd + scope.onOpportunity("x")
                            + " GROUP BY x.currentStage", Object[].class)
                            .setParameter("inProgress", OpportunityStatus.IN_PROGRESS);
                } else {
                    // VALID_TO (see OpportunityEntryEntity) makes both a range of ENTRY_CYCLE_VALID_TO, read
                    // index-only: the entry of an opportunity as of D is the one written by D and not replaced by D
                    current = em.createQuery("SELECT x.stage, COUNT(x.salesCycleCode), SUM(x.estimatedValue),"
                            + " SUM(x.calculatedCurrentValue) FROM OpportunityEntryEntity x"
                            + " WHERE x.salesCycleCode = :cycle AND (x.validTo IS NULL OR x.validTo > :asOf)"
                            + " AND x.dateOfChange <= :asOf AND x.stage > 0" + ecd + scope.onEntries("x")
                            + " GROUP BY x.stage", Object[].class)
                            .setParameter("asOf", asOf);
                }
                scope.bind(current).setParameter("cycle", cycle.code());
                if (estimatedCloseDateFrom != null) {
                    current.setParameter("from", estimatedCloseDateFrom);
                }
                if (estimatedCloseDateTo != null) {
                    current.setParameter("to", estimatedCloseDateTo);
                }
                for (Object[] row : current.getResultList()) {
                    atStage.put(((Number) row[0]).intValue(), sums(row, 1));
                }
                if (asOf != null) {
                    // replaced by D: a later entry was written by D, so its days open are final
                    TypedQuery<Object[]> days = em.createQuery("SELECT e.stage, SUM(e.daysOpen),"
                            + " COUNT(e.salesCycleCode) FROM OpportunityEntryEntity e WHERE e.salesCycleCode = :cycle"
                            + " AND e.validTo <= :asOf AND e.stage > 0" + scope.onEntries("e") + " GROUP BY e.stage",
                            Object[].class).setParameter("asOf", asOf);
                    for (Object[] row : scope.bind(days).setParameter("cycle", cycle.code()).getResultList()) {
                        averageDays.put(((Number) row[0]).intValue(),
                                exactAverage(decimal(row[1]), count(row[2])));
                    }
                }
                return null;
            });
        }
        Figures open = atStage.values().stream().reduce(Sums.NONE, Sums::plus).figures();
        List<StageStatistics> stages = new ArrayList<>();
        // the total row adds up the rows' exact sums and average days, and is rounded once itself
        Sums total = Sums.NONE;
        BigDecimal totalDays = BigDecimal.ZERO;
        for (SalesCycleStage stage : cycle.stages()) {
            Sums sums = atStage.getOrDefault(stage.stage(), Sums.NONE);
            BigDecimal days = averageDays.getOrDefault(stage.stage(), BigDecimal.ZERO);
            stages.add(new StageStatistics(stage.stage(), stage.description(), sums.figures(), shownDays(days)));
            total = total.plus(sums);
            totalDays = totalDays.add(days);
        }
        return new SalesCycleStatistics(cycle.code(), estimatedCloseDateFrom, estimatedCloseDateTo, asOf, open, stages,
                new StageStatistics(null, "Total", total.figures(), shownDays(totalDays)));
    }

    @Override
    public SalespersonStatistics salesperson(String salespersonCode) {
        String code = normalise(salespersonCode);
        if (code == null || modules.salespeople().find(code).isEmpty()) {
            throw new NotFoundException("salesperson", code);
        }
        // another salesperson's figures are those of none of the caller's opportunities: zero
        Sums sums = startedSums("x.salespersonCode = :key", code, ownership.reads());
        // the averages divide the exact sums, not the rounded figures
        return new SalespersonStatistics(code, sums.figures(), sums.averageEstimatedValue(),
                sums.averageCalculatedCurrentValue());
    }

    @Override
    public ContactStatistics contact(String contactNo) {
        String no = normalise(contactNo);
        Contact contact = no == null ? null : modules.contacts().find(no).orElse(null);
        if (contact == null) {
            throw new NotFoundException("contact", no);
        }
        // a company's own opportunities carry its no. as the company no., as those of its persons do
        boolean company = contact.type() == ContactType.COMPANY;
        return new ContactStatistics(contact.no(), company,
                startedSums(company ? "x.contactCompanyNo = :key" : "x.contactNo = :key", contact.no(),
                        ownership.reads()).figures());
    }

    @Override
    public OpportunityStatistics opportunity(String opportunityNo) {
        String no = normalise(opportunityNo);
        Scope scope = ownership.reads();
        return store.jpa().read(em -> {
            OpportunityEntity entity = no == null ? null : em.find(OpportunityEntity.class, no);
            if (entity == null || !scope.covers(entity.salespersonCode())) {
                throw new NotFoundException("opportunity", no);
            }
            List<StageDays> perStage = new ArrayList<>();
            for (Object[] row : em.createQuery("SELECT e.stage, MAX(e.stageDescription), COUNT(e), SUM(e.daysOpen),"
                    + " MIN(e.entryNo) FROM OpportunityEntryEntity e WHERE e.opportunityNo = :no AND e.stage > 0"
                    + " GROUP BY e.stage ORDER BY MIN(e.entryNo)", Object[].class).setParameter("no", no)
                    .getResultList()) {
                perStage.add(new StageDays(((Number) row[0]).intValue(), (String) row[1], count(row[2]),
                        count(row[3])));
            }
            Object[] span = em.createQuery("SELECT COUNT(e), MIN(e.dateOfChange) FROM OpportunityEntryEntity e"
                    + " WHERE e.opportunityNo = :no", Object[].class).setParameter("no", no).getSingleResult();
            Opportunity record = entity.toView(modules.today());
            LocalDate started = (LocalDate) span[1];
            LocalDate end = record.dateClosed() != null ? record.dateClosed() : modules.today();
            long daysOpen = started == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(started, end));
            return new OpportunityStatistics(no, record.status(), record.currentStage(), record.estimatedValue(),
                    record.calculatedCurrentValue(), record.probabilityPercent(), record.completedPercent(),
                    record.chancesOfSuccessPercent(), count(span[0]), daysOpen, perStage);
        });
    }

    // ---- building blocks of reports ----------------------------------------------------------

    @Override
    public List<Group> aggregate(Aggregation aggregation) {
        return aggregator(aggregation).aggregate(aggregation);
    }

    @Override
    public GroupsAndTotal aggregateWithTotal(Aggregation aggregation) {
        return aggregator(aggregation).aggregateWithTotal(aggregation);
    }

    @Override
    public List<List<Group>> aggregateEach(Aggregation aggregation, List<List<GroupKey>> groupings) {
        return aggregator(aggregation).aggregateEach(aggregation, groupings);
    }

    private Aggregator aggregator(Aggregation aggregation) {
        Scope scope = ownership.reads();
        // stale deals per salesperson (DOMAIN §11) need the stages' limits, read before this module's connection
        StaleLimits limits = aggregation.filter().stale() == null ? null : StaleLimits.read(modules.cycles());
        return new Aggregator(store.jpa(), scope, limits, modules.today(), store.derby());
    }

    @Override
    public List<StageActivity> stageActivity(String salesCycleCode, LocalDate from, LocalDate to,
            boolean withOutcomes) {
        checkRange("", from, to);
        SalesCycle cycle = existingCycle(salesCycleCode);
        Scope scope = ownership.reads();
        Map<Integer, long[]> counts = new HashMap<>(); // entries, opportunities, won, lost
        if (from == null && to == null) {
            // over all time: the counters (StageFigures)
            stageFigures(cycle.code(), scope).forEach((stage, c) -> counts.put(stage,
                    new long[] {c.entries(), c.reached(), c.reachedWon(), c.reachedLost()}));
        } else {
            store.jpa().read(em -> {
                String period = (from == null ? "" : " AND e.dateOfChange >= :from")
                        + (to == null ? "" : " AND e.dateOfChange <= :to");
                TypedQuery<Object[]> query;
                if (withOutcomes) {
                    // one pass for both: every opportunity has one status, so the opportunities that reached a stage
                    // are the sum of those per status, won and lost among them
                    query = em.createQuery("SELECT e.stage, o.status, COUNT(e.salesCycleCode),"
                            + " COUNT(DISTINCT e.opportunityNo) FROM OpportunityEntryEntity e, OpportunityEntity o"
                            + " WHERE o.no = e.opportunityNo AND e.salesCycleCode = :cycle AND e.stage > 0" + period
                            + scope.onOpportunity("o") + " GROUP BY e.stage, o.status", Object[].class);
                } else {
                    query = em.createQuery("SELECT e.stage, COUNT(e.salesCycleCode), COUNT(DISTINCT e.opportunityNo)"
                            + " FROM OpportunityEntryEntity e WHERE e.salesCycleCode = :cycle AND e.stage > 0" + period
                            + scope.onEntries("e") + " GROUP BY e.stage", Object[].class);
                }
                scope.bind(query).setParameter("cycle", cycle.code());
                if (from != null) {
                    query.setParameter("from", from);
                }
                if (to != null) {
                    query.setParameter("to", to);
                }
                for (Object[] row : query.getResultList()) {
                    long[] stage = counts.computeIfAbsent(((Number) row[0]).intValue(), key -> new long[4]);
                    Object status = withOutcomes ? row[1] : null;
                    int at = withOutcomes ? 2 : 1;
                    long reached = count(row[at + 1]);
                    stage[0] += count(row[at]);
                    stage[1] += reached;
                    if (status == OpportunityStatus.WON) {
                        stage[2] += reached;
                    } else if (status == OpportunityStatus.LOST) {
                        stage[3] += reached;
                    }
                }
                return null;
            });
        }
        List<StageActivity> activity = new ArrayList<>();
        for (SalesCycleStage stage : cycle.stages()) {
            long[] c = counts.getOrDefault(stage.stage(), new long[4]);
            activity.add(new StageActivity(stage.stage(), stage.description(), c[0], c[1], c[2], c[3]));
        }
        return activity;
    }

    @Override
    public long recount() {
        AdminOnly.require(callers.current(), "recounting the statistics");
        return store.recountStageFigures();
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** The counters of a cycle per stage, summed over the salespeople the caller sees and the shards. */
    private Map<Integer, StageFigures.Counts> stageFigures(String cycleCode, Scope scope) {
        if (!scope.all() && scope.salespersonCode() == null) {
            return Map.of();
        }
        return store.jpa().read(em -> {
            Query query = em.createNativeQuery(StageFigures.PER_STAGE
                    + (scope.all() ? "" : " AND SALESPERSON_CODE = ?") + " GROUP BY STAGE");
            query.setParameter(1, cycleCode);
            if (!scope.all()) {
                query.setParameter(2, scope.salespersonCode());
            }
            Map<Integer, StageFigures.Counts> perStage = new HashMap<>();
            for (Object row : query.getResultList()) {
                Object[] c = (Object[]) row;
                perStage.put(((Number) c[0]).intValue(), new StageFigures.Counts(count(c[1]), decimal(c[2]),
                        decimal(c[3]), count(c[5]), count(c[4]), count(c[6]), count(c[7]), count(c[8]), count(c[9])));
            }
            return perStage;
        });
    }

    /**
     * Count and sums over the opportunities that have an active entry (started ones, closed included). COUNT(x) would
     * count the key, which the salesperson's and company's figure indexes do not hold, so Derby would read every
     * row; the status (never null) is in both, and the count stays index-only.
     */
    private Sums startedSums(String condition, String key, Scope scope) {
        return store.jpa().read(em -> sums(scope.bind(em.createQuery("SELECT COUNT(x.status), SUM(x.estimatedValue),"
                + " SUM(x.calculatedCurrentValue) FROM OpportunityEntity x WHERE " + condition
                + " AND x.status <> :notStarted" + scope.onOpportunity("x"), Object[].class)).setParameter("key", key)
                .setParameter("notStarted", OpportunityStatus.NOT_STARTED).getSingleResult(), 0));
    }

    private SalesCycle existingCycle(String code) {
        String key = normalise(code);
        SalesCycleService cycles = modules.cycles();
        return Optional.ofNullable(key).flatMap(cycles::find)
                .orElseThrow(() -> new NotFoundException("sales cycle", key));
    }

    /** @param prefix the parameters' common name, e.g. {@code estimatedCloseDate} for ...From / ...To */
    static void checkRange(String prefix, LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            String name = prefix.isEmpty() ? "to" : prefix + "To";
            throw new ValidationException(name, "is before " + (prefix.isEmpty() ? "from" : prefix + "From")
                    + " (" + from + ")");
        }
    }

    /** @return the count and the exact sums of a row: COUNT, SUM(estimated value), SUM(calculated current value) */
    static Sums sums(Object[] row, int offset) {
        return new Sums(count(row[offset]), decimal(row[offset + 1]), decimal(row[offset + 2]));
    }

    /** @return the average without rounding (to 16 digits, where a division does not end), 0 for none */
    private static BigDecimal exactAverage(BigDecimal sum, long count) {
        return count == 0 ? BigDecimal.ZERO : sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64);
    }

    /** @return average days as shown: rounded once, HALF_UP, to {@value #AVERAGE_SCALE} decimals */
    private static BigDecimal shownDays(BigDecimal days) {
        return days.setScale(AVERAGE_SCALE, RoundingMode.HALF_UP);
    }

    static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }
}
