package org.opportune.salespeople.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.criteria.Predicate;
import javax.sql.DataSource;

import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.UsageCheck;
import org.opportune.api.UsageResources;
import org.opportune.api.Violations;
import org.opportune.api.caller.CallerContext;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonQuery;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.api.salesperson.SalespersonValues;
import org.opportune.persistence.AdminOnly;
import org.opportune.persistence.CodedRecords;
import org.opportune.persistence.JpaUnit;
import org.opportune.persistence.Listing;
import org.opportune.persistence.SchemaMigrations;
import org.opportune.persistence.UsageChecks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.LoggerFactory;

@Component(immediate = true, service = SalespersonService.class, property = "opportune.module=salespeople")
public class SalespersonServiceImpl implements SalespersonService {
    private static final int MAX_COMMISSION_DECIMALS = 5;

    private static final Listing<SalespersonEntity> LISTING = new Listing<>(SalespersonEntity.class,
            Map.of("code", "code", "name", "name", "email", "email", "jobTitle", "jobTitle",
                    "commissionPercent", "commissionPercent", "blocked", "blocked", "userName", "userName"),
            "code");

    private final JpaUnit jpa;
    private final CallerContext callers;
    private final CodedRecords<SalespersonEntity, Salesperson> salespeople;
    private final UsageChecks usageChecks = new UsageChecks(
            LoggerFactory.getLogger(SalespersonServiceImpl.class)::warn);

    @Activate
    public SalespersonServiceImpl(@Reference(target = "(dataSourceName=opportune)") DataSource dataSource,
            @Reference CallerContext callers, @Reference SchemaMigrations migrations) {
        this.callers = callers;
        this.jpa = new JpaUnit("opportune-salespeople", dataSource, SalespersonServiceImpl.class.getClassLoader(),
                migrations);
        this.salespeople = new CodedRecords<>(jpa, callers, SalespersonEntity.class, "salesperson",
                Salesperson.CODE_LENGTH, SalespersonEntity::new, (em, entity) -> entity.toView());
    }

    @Deactivate
    public void close() {
        jpa.close();
    }

    /** Checks come and go at runtime; see {@link UsageChecks} for which ones are asked. */
    @Reference(service = UsageCheck.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, updated = "updatedUsageCheck",
            target = "(" + UsageCheck.RESOURCE + "=" + UsageResources.SALESPERSON + ")")
    void addUsageCheck(UsageCheck check, Map<String, Object> properties) {
        usageChecks.add(check, properties);
    }

    void updatedUsageCheck(UsageCheck check, Map<String, Object> properties) {
        usageChecks.update(check, properties);
    }

    void removeUsageCheck(UsageCheck check, Map<String, Object> properties) {
        usageChecks.remove(check);
    }

    @Override
    public Salesperson create(String code, SalespersonValues values) {
        AdminOnly.require(callers.current(), "creating a salesperson");
        return salespeople.create(code, checked(values));
    }

    @Override
    public Optional<Salesperson> find(String code) {
        return salespeople.find(code);
    }

    @Override
    public Salesperson get(String code) {
        return salespeople.get(code);
    }

    @Override
    public Optional<Salesperson> findByUserName(String userName) {
        String login = userName(userName);
        if (login == null) {
            return Optional.empty();
        }
        return jpa.read(em -> withUserName(em, login).stream().findFirst().map(SalespersonEntity::toView));
    }

    @Override
    public Page<Salesperson> list(SalespersonQuery query, PageRequest page) {
        SalespersonQuery filter = query == null ? SalespersonQuery.all() : query;
        return salespeople.list(LISTING, (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.text() != null && !filter.text().isBlank()) {
                where.add(Listing.containsIgnoreCase(cb, root, filter.text().trim(), "code", "name"));
            }
            if (filter.blocked() != null) {
                where.add(cb.equal(root.get("blocked"), filter.blocked()));
            }
            return where;
        }, page);
    }

    @Override
    public Salesperson update(String code, SalespersonValues values, Long expectedVersion) {
        AdminOnly.require(callers.current(), "changing a salesperson");
        return salespeople.update(code, expectedVersion, checked(values));
    }

    @Override
    public void delete(String code, Long expectedVersion) {
        AdminOnly.require(callers.current(), "deleting a salesperson");
        salespeople.delete(code, expectedVersion, usageChecks);
    }

    @Override
    public Salesperson requireAssignable(String code, String field) {
        Salesperson salesperson = salespeople.require(code, field, this::find);
        if (salesperson.blocked()) {
            throw new ConflictException("salesperson " + salesperson.code() + " is blocked",
                    List.of(new FieldError(field, "names salesperson " + salesperson.code()
                            + ", who is blocked and cannot be given to new or changed records")));
        }
        return salesperson;
    }

    private static CodedRecords.Check<SalespersonEntity> checked(SalespersonValues values) {
        Objects.requireNonNull(values, "values");
        return violations -> {
            checkFields(violations, values);
            return (em, entity, stamp) -> write(em, entity, values);
        };
    }

    /** Sets the values, once no other salesperson has the user name: a login acts as one salesperson at most. */
    private static void write(EntityManager em, SalespersonEntity entity, SalespersonValues values) {
        String userName = userName(values.userName());
        if (userName != null) {
            withUserName(em, userName).stream().filter(other -> !other.code().equals(entity.code())).findFirst()
                    .ifPresent(other -> {
                        throw new ConflictException("user name " + userName + " acts as salesperson " + other.code()
                                + " already", List.of(new FieldError("userName",
                                        "is taken by salesperson " + other.code())));
                    });
        }
        entity.apply(values, userName);
    }

    private static List<SalespersonEntity> withUserName(EntityManager em, String userName) {
        return em.createQuery("SELECT s FROM SalespersonEntity s WHERE s.userName = :userName ORDER BY s.code",
                SalespersonEntity.class).setParameter("userName", userName).getResultList();
    }

    /** A user name is kept as given, as logins compare it; blank names no login. */
    private static String userName(String given) {
        return given == null || given.isBlank() ? null : given;
    }

    private static void checkFields(Violations violations, SalespersonValues input) {
        violations.requiredText("name", input.name() == null ? null : input.name().trim(), Salesperson.NAME_LENGTH)
                .email("email", input.email(), Salesperson.EMAIL_LENGTH)
                .maxLength("phone", input.phone(), Salesperson.PHONE_LENGTH)
                .maxLength("jobTitle", input.jobTitle(), Salesperson.JOB_TITLE_LENGTH)
                .percent("commissionPercent", input.commissionPercent());
        BigDecimal commission = input.commissionPercent();
        if (commission != null && commission.stripTrailingZeros().scale() > MAX_COMMISSION_DECIMALS) {
            violations.add("commissionPercent", "must have at most " + MAX_COMMISSION_DECIMALS + " decimals");
        }
        violations.maxLength("userName", userName(input.userName()), Salesperson.USER_NAME_LENGTH);
    }
}
