package org.opportune.opportunities.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.CriteriaQuery;
import javax.persistence.criteria.Expression;
import javax.persistence.criteria.Predicate;
import javax.persistence.criteria.Root;
import javax.persistence.criteria.Selection;

import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.statistics.Aggregation;
import org.opportune.api.statistics.Group;
import org.opportune.api.statistics.GroupsAndTotal;
import org.opportune.api.statistics.GroupKey;
import org.opportune.persistence.JpaUnit;

/**
 * Runs an {@link Aggregation}: the list filters as WHERE, the keys as GROUP BY, COUNT and SUM in the
 * database. Month and quarter keys are grouped by month in the database (portable SQL has no date truncation: Derby
 * groups by {@code YEAR} and {@code MONTH}, PostgreSQL by the function {@code opportune_month} that the module's
 * migration makes), and a quarter's months are folded here, so the rows read are at most one per month.
 */
final class Aggregator {
    private final JpaUnit jpa;
    private final Scope scope;
    private final StaleLimits staleLimits;
    private final LocalDate today;
    private final boolean derby;

    /**
     * @param scope       the opportunities the caller may see: the groups add up those only
     * @param staleLimits the stages' limits, for a filter that asks for {@code stale} (else unused)
     * @param today       the day {@code stale} is judged on
     * @param derby       whether the database is Derby (else PostgreSQL): how a month is grouped
     */
    Aggregator(JpaUnit jpa, Scope scope, StaleLimits staleLimits, LocalDate today, boolean derby) {
        this.jpa = jpa;
        this.scope = scope;
        this.staleLimits = staleLimits;
        this.today = today;
        this.derby = derby;
    }

    List<Group> aggregate(Aggregation aggregation) {
        return groups(sums(aggregation));
    }

    /** The groups and their total from the same rows: every opportunity counted is in exactly one group. */
    GroupsAndTotal aggregateWithTotal(Aggregation aggregation) {
        Map<List<Object>, Sums> sums = sums(aggregation);
        Sums total = sums.values().stream().reduce(Sums.NONE, Sums::plus);
        return new GroupsAndTotal(groups(sums), total.figures());
    }

    /**
     * Each grouping from one query grouped by all their keys: a grouping's groups add up the exact sums of the rows
     * that agree on its keys, and are rounded once.
     */
    List<List<Group>> aggregateEach(Aggregation aggregation, List<List<GroupKey>> groupings) {
        List<GroupKey> allKeys = groupings.stream().flatMap(List::stream).distinct().toList();
        Map<List<Object>, Sums> finest = sums(aggregation.groupedBy(allKeys.toArray(GroupKey[]::new)));
        List<List<Group>> result = new ArrayList<>(groupings.size());
        for (List<GroupKey> keys : groupings) {
            int[] positions = keys.stream().mapToInt(allKeys::indexOf).toArray();
            Map<List<Object>, Sums> folded = new LinkedHashMap<>();
            if (keys.isEmpty()) {
                folded.put(List.of(), Sums.NONE); // one group even of nothing, as a query without GROUP BY gives
            }
            finest.forEach((values, exact) -> {
                List<Object> projected = new ArrayList<>(positions.length);
                for (int position : positions) {
                    projected.add(values.get(position));
                }
                folded.merge(projected, exact, Sums::plus);
            });
            result.add(groups(folded));
        }
        return result;
    }

    private Map<List<Object>, Sums> sums(Aggregation aggregation) {
        OpportunityQuery filter = aggregation.filter();
        OpportunityStatisticsServiceImpl.checkRange("creationDate", filter.creationDateFrom(), filter.creationDateTo());
        OpportunityStatisticsServiceImpl.checkRange("estimatedCloseDate", filter.estimatedCloseDateFrom(),
                filter.estimatedCloseDateTo());
        OpportunityStatisticsServiceImpl.checkRange("dateClosed", aggregation.dateClosedFrom(),
                aggregation.dateClosedTo());
        List<GroupKey> keys = aggregation.groupBy();
        Map<List<Object>, Sums> groups = new LinkedHashMap<>();
        jpa.read(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
            Root<OpportunityEntity> root = query.from(OpportunityEntity.class);
            // only a closed opportunity has a closing date: within a closing date range CLOSED = TRUE holds for
            // every row, and left out, the range is read from the closings index alone (CLOSED is not in it)
            OpportunityQuery rows = closingDates(aggregation) && Boolean.TRUE.equals(filter.closed())
                    ? filter.withClosed(null) : filter;
            List<Predicate> where = new ArrayList<>(new OpportunityFilter(rows, scope, staleLimits, today)
                    .predicates(cb, root));
            if (aggregation.dateClosedFrom() != null) {
                where.add(cb.greaterThanOrEqualTo(root.<LocalDate>get("dateClosed"), aggregation.dateClosedFrom()));
            }
            if (aggregation.dateClosedTo() != null) {
                where.add(cb.lessThanOrEqualTo(root.<LocalDate>get("dateClosed"), aggregation.dateClosedTo()));
            }
            List<Expression<?>> grouped = new ArrayList<>();
            for (GroupKey key : keys) {
                grouped.addAll(expressions(cb, key, root.get(attribute(key))));
            }
            List<Selection<?>> selected = new ArrayList<>(grouped);
            // COUNT(root) is COUNT(OPP_NO), which most figure indexes do not hold; the status (never null) is in every
            // one of them and keeps the totals index-only
            selected.add(cb.count(root.get("status")));
            selected.add(cb.sum(root.get("estimatedValue")));
            selected.add(cb.sum(root.get("calculatedCurrentValue")));
            query.multiselect(selected).where(where.toArray(new Predicate[0])).groupBy(grouped);
            for (Object[] row : em.createQuery(query).getResultList()) {
                List<Object> values = new ArrayList<>(keys.size());
                int column = 0;
                for (GroupKey key : keys) {
                    values.add(value(key, row, column));
                    column += columns(key);
                }
                groups.merge(values, OpportunityStatisticsServiceImpl.sums(row, column), Sums::plus);
            }
            return null;
        });
        return groups;
    }

    private static boolean closingDates(Aggregation aggregation) {
        return aggregation.dateClosedFrom() != null || aggregation.dateClosedTo() != null;
    }

    private static List<Group> groups(Map<List<Object>, Sums> sums) {
        List<Group> result = new ArrayList<>();
        // each group's exact sums (a month's days added up) are rounded once, as shown (see Sums)
        sums.forEach((values, exact) -> result.add(new Group(values, exact.figures())));
        result.sort(Comparator.comparing(Group::keys, Aggregator::compareKeys));
        return result;
    }

    private static String attribute(GroupKey key) {
        return switch (key) {
            case SALESPERSON -> "salespersonCode";
            case SALES_CYCLE -> "salesCycleCode";
            case CONTACT_COMPANY -> "contactCompanyNo";
            case STATUS -> "status";
            case CURRENT_STAGE -> "currentStage";
            case CLOSE_CODE -> "closeCode";
            case ESTIMATED_CLOSE_MONTH, ESTIMATED_CLOSE_QUARTER -> "estimatedCloseDate";
            case DATE_CLOSED_MONTH -> "dateClosed";
            case CREATION_MONTH -> "creationDate";
        };
    }

    private static boolean byMonth(GroupKey key) {
        return switch (key) {
            case ESTIMATED_CLOSE_MONTH, ESTIMATED_CLOSE_QUARTER, DATE_CLOSED_MONTH, CREATION_MONTH -> true;
            default -> false;
        };
    }

    /** What the database groups a key by: its attribute, or a date's month. */
    private List<Expression<?>> expressions(CriteriaBuilder cb, GroupKey key, Expression<?> attribute) {
        if (!byMonth(key)) {
            return List.of(attribute);
        }
        return derby ? List.of(cb.function("YEAR", Integer.class, attribute),
                cb.function("MONTH", Integer.class, attribute))
                : List.of(cb.function("opportune_month", java.sql.Date.class, attribute));
    }

    /** How many columns of a row {@link #expressions} gives the key. */
    private int columns(GroupKey key) {
        return byMonth(key) && derby ? 2 : 1;
    }

    /** A key's value as {@link GroupKey} documents it, from the row's columns from {@code column} on. */
    private Object value(GroupKey key, Object[] row, int column) {
        Object raw = row[column];
        if (raw == null) {
            return null;
        }
        if (!byMonth(key)) {
            return switch (key) {
                case STATUS -> ((Enum<?>) raw).name();
                case CURRENT_STAGE -> ((Number) raw).intValue();
                default -> raw;
            };
        }
        LocalDate month = derby ? LocalDate.of(((Number) raw).intValue(), ((Number) row[column + 1]).intValue(), 1)
                : raw instanceof LocalDate date ? date.withDayOfMonth(1)
                        : ((java.sql.Date) raw).toLocalDate().withDayOfMonth(1);
        return key == GroupKey.ESTIMATED_CLOSE_QUARTER
                ? LocalDate.of(month.getYear(), (month.getMonthValue() - 1) / 3 * 3 + 1, 1) : month;
    }

    /** By each key in turn, nulls last. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int order = x == null ? (y == null ? 0 : 1) : y == null ? -1 : ((Comparable) x).compareTo(y);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
