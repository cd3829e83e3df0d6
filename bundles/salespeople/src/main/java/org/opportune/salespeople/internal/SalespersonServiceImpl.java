package org.opportune.salespeople.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.criteria.Predicate;
import javax.sql.DataSource;

import org.opportune.api.Codes;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UsageCheck;
import org.opportune.api.UsageResources;
import org.opportune.api.ValidationException;
import org.opportune.api.Violations;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonQuery;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.persistence.JpaUnit;
import org.opportune.persistence.Listing;
import org.opportune.persistence.UsageChecks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

@Component(service = SalespersonService.class, property = "opportune.module=salespeople")
public class SalespersonServiceImpl implements SalespersonService {
    private static final String RESOURCE = "salesperson";
    private static final int MAX_COMMISSION_DECIMALS = 5;

    private static final Listing<SalespersonEntity> LISTING = new Listing<>(SalespersonEntity.class,
            Map.of("code", "code", "name", "name", "email", "email", "jobTitle", "jobTitle",
                    "commissionPercent", "commissionPercent", "blocked", "blocked"),
            "code");

    private final JpaUnit jpa;
    private final UsageChecks usageChecks = new UsageChecks();

    @Activate
    public SalespersonServiceImpl(@Reference(target = "(dataSourceName=opportune)") DataSource dataSource) {
        this.jpa = new JpaUnit("opportune-salespeople", dataSource, SalespersonServiceImpl.class.getClassLoader());
    }

    @Deactivate
    public void close() {
        jpa.close();
    }

    @Reference(service = UsageCheck.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = "(" + UsageCheck.RESOURCE + "=" + UsageResources.SALESPERSON + ")")
    void addUsageCheck(UsageCheck check) {
        usageChecks.add(check);
    }

    void removeUsageCheck(UsageCheck check) {
        usageChecks.remove(check);
    }

    @Override
    public Salesperson create(Salesperson salesperson) {
        Salesperson input = Objects.requireNonNull(salesperson, "salesperson");
        String code = Codes.normalise(input.code());
        Violations violations = new Violations();
        violations.code("code", input.code(), Salesperson.CODE_LENGTH);
        checkFields(violations, input);
        if (input.version() != null) {
            violations.add("version", "is set by the server");
        }
        violations.throwIfAny();
        return jpa.inTransaction(em -> {
            if (em.find(SalespersonEntity.class, code) != null) {
                throw new ConflictException("salesperson " + code + " exists already",
                        List.of(new FieldError("code", "is taken by an existing salesperson")));
            }
            SalespersonEntity entity = new SalespersonEntity(code);
            entity.apply(input);
            em.persist(entity);
            em.flush();
            return entity.toRecord();
        });
    }

    @Override
    public Optional<Salesperson> find(String code) {
        String key = Codes.normalise(code);
        if (key == null) {
            return Optional.empty();
        }
        return jpa.read(em -> Optional.ofNullable(em.find(SalespersonEntity.class, key))
                .map(SalespersonEntity::toRecord));
    }

    @Override
    public Salesperson get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException(RESOURCE, Codes.normalise(code)));
    }

    @Override
    public Page<Salesperson> list(SalespersonQuery query, PageRequest page) {
        SalespersonQuery filter = query == null ? SalespersonQuery.ALL : query;
        return jpa.read(em -> LISTING.page(em, (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.text() != null && !filter.text().isBlank()) {
                where.add(Listing.containsIgnoreCase(cb, root, filter.text().trim(), "code", "name"));
            }
            if (filter.blocked() != null) {
                where.add(cb.equal(root.get("blocked"), filter.blocked()));
            }
            return where;
        }, page).map(SalespersonEntity::toRecord));
    }

    @Override
    public Salesperson update(String code, Salesperson salesperson, Long expectedVersion) {
        String key = Codes.normalise(code);
        Salesperson input = Objects.requireNonNull(salesperson, "salesperson");
        return jpa.inTransaction(em -> {
            SalespersonEntity entity = lockedForChange(em, key, expectedVersion);
            Violations violations = new Violations();
            if (input.code() != null && !key.equals(Codes.normalise(input.code()))) {
                violations.add("code", "is the key and cannot be changed (path says " + key + ")");
            }
            if (input.version() != null && input.version() != entity.version()) {
                violations.add("version", "is owned by the server (current " + entity.version() + ")");
            }
            checkFields(violations, input);
            violations.throwIfAny();
            entity.apply(input);
            em.flush();
            return entity.toRecord();
        });
    }

    @Override
    public void delete(String code, Long expectedVersion) {
        String key = Codes.normalise(code);
        if (key != null) { // a blank key names no salesperson: nothing uses it, and the lookup says not found
            usageChecks.refuseDeleteIfUsed(RESOURCE + " " + key, key);
        }
        jpa.run(em -> em.remove(lockedForChange(em, key, expectedVersion)));
    }

    @Override
    public Salesperson requireAssignable(String code, String field) {
        String key = Codes.normalise(code);
        if (key == null) {
            throw new ValidationException(field, "is required");
        }
        Salesperson salesperson = find(key).orElseThrow(() -> new ValidationException(field,
                "names salesperson " + key + ", which does not exist"));
        if (salesperson.blocked()) {
            throw new ConflictException("salesperson " + salesperson.code() + " is blocked",
                    List.of(new FieldError(field, "names salesperson " + salesperson.code()
                            + ", who is blocked and cannot be given to new or changed records")));
        }
        return salesperson;
    }

    private static SalespersonEntity lockedForChange(EntityManager em, String key, Long expectedVersion) {
        SalespersonEntity entity = key == null ? null
                : em.find(SalespersonEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            throw new NotFoundException(RESOURCE, key);
        }
        if (expectedVersion != null && expectedVersion != entity.version()) {
            throw new StaleVersionException(RESOURCE, key, entity.version());
        }
        return entity;
    }

    private static void checkFields(Violations violations, Salesperson input) {
        violations.requiredText("name", input.name() == null ? null : input.name().trim(), Salesperson.NAME_LENGTH)
                .email("email", input.email(), Salesperson.EMAIL_LENGTH)
                .maxLength("phone", input.phone(), Salesperson.PHONE_LENGTH)
                .maxLength("jobTitle", input.jobTitle(), Salesperson.JOB_TITLE_LENGTH)
                .percent("commissionPercent", input.commissionPercent());
        BigDecimal commission = input.commissionPercent();
        if (commission != null && commission.stripTrailingZeros().scale() > MAX_COMMISSION_DECIMALS) {
            violations.add("commissionPercent", "must have at most " + MAX_COMMISSION_DECIMALS + " decimals");
        }
    }
}
