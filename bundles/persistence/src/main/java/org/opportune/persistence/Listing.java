package org.opportune.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import javax.persistence.EntityManager;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.CriteriaQuery;
import javax.persistence.criteria.Order;
import javax.persistence.criteria.Path;
import javax.persistence.criteria.Predicate;
import javax.persistence.criteria.Root;

import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.opportune.api.FieldError;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.SortKey;
import org.opportune.api.ValidationException;

/**
 * A filtered, sorted, paged list of one entity, counted and fetched by the database.
 *
 * @param <E> the entity
 */
public final class Listing<E> {

    /** Builds the WHERE conditions of a list from the criteria builder and the root. */
    @FunctionalInterface
    public interface Filter<E> {
        List<Predicate> predicates(CriteriaBuilder cb, Root<E> root);
    }

    private final Class<E> entity;
    private final Map<String, String> sortable;
    private final String keyAttribute;

    /**
     * @param entity       the entity class
     * @param sortable     API sort name → entity attribute path (dots for embedded attributes)
     * @param keyAttribute the key attribute, the last sort key so that pages are stable
     */
    public Listing(Class<E> entity, Map<String, String> sortable, String keyAttribute) {
        this.entity = entity;
        this.sortable = Map.copyOf(sortable);
        this.keyAttribute = keyAttribute;
    }

    /**
     * One page of the matches and their total. The page is read first: when it is not full (and is not an empty
     * page past the end) it is the end of the list and gives the total, so only a full page also counts the matches
     * (a one-record list, the last page of a short list: one query instead of two).
     */
    public Page<E> page(EntityManager em, Filter<E> filter, PageRequest page) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        orders(cb, null, page.sort()); // refuse unknown sort fields before touching the database
        CriteriaQuery<E> select = cb.createQuery(entity);
        Root<E> root = select.from(entity);
        select.select(root).where(filter.predicates(cb, root).toArray(Predicate[]::new));
        select.orderBy(orders(cb, root, page.sort()));
        List<E> items = em.createQuery(select).setFirstResult(page.offset()).setMaxResults(page.limit())
                .getResultList();
        if (items.size() < page.limit() && (!items.isEmpty() || page.offset() == 0)) {
            return new Page<>(items, page.offset() + items.size(), page.offset(), page.limit());
        }
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<E> countRoot = count.from(entity);
        count.select(cb.count(countRoot)).where(filter.predicates(cb, countRoot).toArray(Predicate[]::new));
        return new Page<>(items, em.createQuery(count).getSingleResult(), page.offset(), page.limit());
    }

    /**
     * The matches of one page without their total, for a caller that shows none. Keys first, then the rows: the
     * sorted keys come from an index that holds the filter's and the sort's columns without reading the table (Derby
     * costs a query without its row limit, and for all columns prefers sorting every match to walking such an
     * index: the ten highest of 500,000 took 17 s instead of 30 ms), then the page's rows by their keys.
     */
    public List<E> items(EntityManager em, Filter<E> filter, PageRequest page) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        orders(cb, null, page.sort()); // refuse unknown sort fields before touching the database
        CriteriaQuery<Object> select = cb.createQuery(Object.class);
        Root<E> root = select.from(entity);
        select.select(root.get(keyAttribute)).where(filter.predicates(cb, root).toArray(Predicate[]::new));
        select.orderBy(orders(cb, root, page.sort()));
        List<Object> keys = em.createQuery(select).setFirstResult(page.offset()).setMaxResults(page.limit())
                .getResultList();
        if (keys.isEmpty()) {
            return List.of();
        }
        CriteriaQuery<E> rows = cb.createQuery(entity);
        Root<E> row = rows.from(entity);
        rows.select(row).where(row.get(keyAttribute).in(keys));
        Map<Object, E> byKey = new HashMap<>();
        // read-only: the caller makes views of the rows and changes none, so they need no working copy and no backup
        // copy for change tracking in the persistence context
        for (E found : em.createQuery(rows).setHint(QueryHints.READ_ONLY, HintValues.TRUE).getResultList()) {
            byKey.put(em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(found), found);
        }
        // a row deleted between the two reads is left out
        return keys.stream().map(byKey::get).filter(Objects::nonNull).toList();
    }

    /** Validates the sort keys (root null) or builds the ORDER BY (root given). */
    private List<Order> orders(CriteriaBuilder cb, Root<E> root, List<SortKey> keys) {
        List<FieldError> errors = new ArrayList<>();
        List<Order> orders = new ArrayList<>();
        boolean keySorted = false;
        for (SortKey key : keys) {
            String attribute = sortable.get(key.field());
            if (attribute == null) {
                errors.add(new FieldError("sort", "unknown sort field '" + key.field() + "'; sortable: "
                        + String.join(", ", sortable.keySet().stream().sorted().toList())));
                continue;
            }
            keySorted |= attribute.equals(keyAttribute);
            if (root != null) {
                Path<?> path = path(root, attribute);
                orders.add(key.descending() ? cb.desc(path) : cb.asc(path));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (root != null && !keySorted) {
            orders.add(cb.asc(root.get(keyAttribute)));
        }
        return orders;
    }

    private static Path<?> path(Root<?> root, String attribute) {
        Path<?> path = root;
        for (String part : attribute.split("\\.")) {
            path = path.get(part);
        }
        return path;
    }

    /**
     * A case-insensitive "contains" condition over one or more string attributes (any of them). The
     * text is upper-cased with {@link Locale#ROOT}, as codes are stored: under a Turkish default
     * locale {@code tim} must still find {@code TIM}.
     */
    public static <E> Predicate containsIgnoreCase(CriteriaBuilder cb, Root<E> root, String text, String... attributes) {
        String pattern = "%" + text.toUpperCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        Predicate[] any = new Predicate[attributes.length];
        for (int i = 0; i < attributes.length; i++) {
            any[i] = cb.like(cb.upper(root.get(attributes[i])), pattern, '\\');
        }
        return cb.or(any);
    }
}
