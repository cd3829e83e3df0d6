package org.opportune.persistence;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.opportune.api.Codes;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.StaleVersionException;
import org.opportune.api.ValidationException;
import org.opportune.api.Violations;
import org.opportune.api.caller.CallerContext;

/**
 * The master records of one kind that a code names (salespeople, sales cycles, close codes, …): how every module
 * creates, reads, lists, changes and deletes them, one transaction a call, each written row stamped with the
 * caller and the time. The service only says what is its own: its values, their checks and its view.
 * <p>
 * Codes are spelt as {@link Codes#normalise} says: a blank code names no record.
 *
 * @param <E> the entity, whose key is the normalised code
 * @param <V> the read-only view the service returns
 */
public final class CodedRecords<E extends AuditedEntity, V> {

    /** What a service does to one record inside the call's transaction: the checks that read, then the values. */
    @FunctionalInterface
    public interface Change<E> {
        /**
         * @param stamp the stamp of this transaction, for other rows the change writes (the record itself is
         *              stamped by {@link CodedRecords})
         */
        void apply(EntityManager em, E entity, ChangeStamp stamp);
    }

    /** Checks the values a record is to take and says how to set them. */
    @FunctionalInterface
    public interface Check<E> {
        /**
         * @param violations where to add every fault of the values
         * @return the change that sets the values, applied only when no fault was added
         */
        Change<E> check(Violations violations);
    }

    /** Builds the view of a record while its entity manager is open, so that it may read rows of its own. */
    @FunctionalInterface
    public interface View<E, V> {
        V of(EntityManager em, E entity);
    }

    private final JpaUnit jpa;
    private final CallerContext callers;
    private final Class<E> entity;
    private final String resource;
    private final int codeLength;
    private final Function<String, E> newEntity;
    private final View<E, V> view;

    /**
     * @param resource   how messages name the kind, e.g. {@code salesperson}
     * @param codeLength the longest code
     * @param newEntity  makes an empty entity keyed by a normalised code
     */
    public CodedRecords(JpaUnit jpa, CallerContext callers, Class<E> entity, String resource, int codeLength,
            Function<String, E> newEntity, View<E, V> view) {
        this.jpa = Objects.requireNonNull(jpa, "jpa");
        this.callers = Objects.requireNonNull(callers, "callers");
        this.entity = entity;
        this.resource = resource;
        this.codeLength = codeLength;
        this.newEntity = newEntity;
        this.view = view;
    }

    /**
     * Creates the record {@code code}. Every fault is named at once, the code's first; then, in one transaction,
     * a taken code is refused, the new record filled, stamped and written.
     *
     * @param check runs before the transaction, the change it returns inside it
     * @throws ValidationException the code or a value is invalid
     * @throws ConflictException   the code is taken, or the change refuses
     */
    public V create(String code, Check<E> check) {
        String key = Codes.normalise(code);
        Violations violations = new Violations();
        violations.code("code", code, codeLength);
        Change<E> fill = check.check(violations);
        violations.throwIfAny();
        return jpa.inTransaction(em -> {
            if (em.find(entity, key) != null) {
                throw new ConflictException(resource + " " + key + " exists already",
                        List.of(new FieldError("code", "is taken by an existing " + resource)));
            }
            ChangeStamp stamp = ChangeStamp.now(callers);
            E created = newEntity.apply(key);
            fill.apply(em, created, stamp);
            em.persist(stamp.on(created));
            em.flush();
            V createdView = view.of(em, created);
            AuditTrail.created(em, stamp, auditEntity(), key, createdView);
            return createdView;
        });
    }

    /** @return the record, matched case-insensitively on the code; empty for a blank code */
    public Optional<V> find(String code) {
        String key = Codes.normalise(code);
        if (key == null) {
            return Optional.empty();
        }
        return jpa.read(em -> Optional.ofNullable(em.find(entity, key)).map(found -> view.of(em, found)));
    }

    /** @throws NotFoundException there is no such record */
    public V get(String code) {
        return find(code).orElseThrow(() -> notFound(code));
    }

    /** One page of the records the filter lets through. */
    public Page<V> list(Listing<E> listing, Listing.Filter<E> filter, PageRequest page) {
        return jpa.read(em -> listing.page(em, filter, page).map(found -> view.of(em, found)));
    }

    /**
     * Changes the record {@code code} in one transaction: it is locked at the version the client read, the values
     * checked, the change applied and, when that changed a value, the record stamped.
     *
     * @param expectedVersion the version the client read, or null to skip the check
     * @param check           runs once the record is locked, so that a missing record is named before faulty values
     * @throws NotFoundException     there is no such record
     * @throws StaleVersionException the record changed meanwhile
     * @throws ValidationException   a value is invalid
     */
    public V update(String code, Long expectedVersion, Check<E> check) {
        String key = Codes.normalise(code);
        return jpa.inTransaction(em -> {
            E changed = lockedForChange(em, key, expectedVersion);
            Violations violations = new Violations();
            Change<E> change = check.check(violations);
            violations.throwIfAny();
            ChangeStamp stamp = ChangeStamp.now(callers);
            V before = view.of(em, changed);
            change.apply(em, changed, stamp);
            stamp.onChanged(em, changed);
            em.flush();
            V after = view.of(em, changed);
            AuditTrail.changed(em, stamp, auditEntity(), key, before, after);
            return after;
        });
    }

    /**
     * Deletes the record {@code code}. The usage checks are asked before the transaction: they read on
     * connections of their own, and a request must never hold two pooled connections.
     *
     * @throws ConflictException     a usage check refuses
     * @throws NotFoundException     there is no such record
     * @throws StaleVersionException the record changed meanwhile
     */
    public void delete(String code, Long expectedVersion, UsageChecks usageChecks) {
        String key = Codes.normalise(code);
        if (key != null) { // a blank code names no record: nothing uses it, and the lookup says not found
            usageChecks.refuseDeleteIfUsed(resource + " " + key, key);
        }
        jpa.run(em -> {
            E deleted = lockedForChange(em, key, expectedVersion);
            AuditTrail.deleted(em, ChangeStamp.now(callers), auditEntity(), key, view.of(em, deleted));
            em.remove(deleted);
        });
    }

    /** How the audit log names the kind: the resource in kebab case, e.g. {@code close-opportunity-code}. */
    public String auditEntity() {
        return resource.replace(' ', '-');
    }

    /**
     * The record a field of another record names, for the service's own checks (blocked, of a type, …).
     *
     * @param find how the service finds a record by its normalised code (through a cache, say)
     * @throws ValidationException the code is blank ("is required") or names no record
     */
    public <R> R require(String code, String field, Function<String, Optional<R>> find) {
        String key = Codes.normalise(code);
        if (key == null) {
            throw new ValidationException(field, "is required");
        }
        return find.apply(key).orElseThrow(() -> new ValidationException(field,
                "names " + resource + " " + key + ", which does not exist"));
    }

    /**
     * The record locked for the rest of the transaction, at the version the client read.
     *
     * @param key             a normalised code; null names no record
     * @param expectedVersion the version the client read, or null to skip the check
     */
    public E lockedForChange(EntityManager em, String key, Long expectedVersion) {
        E found = key == null ? null : em.find(entity, key, LockModeType.PESSIMISTIC_WRITE);
        if (found == null) {
            throw new NotFoundException(resource, key);
        }
        if (expectedVersion != null && expectedVersion != found.version()) {
            throw new StaleVersionException(resource, key, found.version());
        }
        return found;
    }

    /** @return the refusal of a code that names no record */
    public NotFoundException notFound(String code) {
        return new NotFoundException(resource, Codes.normalise(code));
    }
}
