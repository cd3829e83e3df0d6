package org.opportune.cycles.internal;

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
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeQuery;
import org.opportune.api.cycle.CloseOpportunityCodeService;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.persistence.JpaUnit;
import org.opportune.persistence.Listing;
import org.opportune.persistence.UsageChecks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

@Component(service = CloseOpportunityCodeService.class, property = "opportune.module=cycles")
public class CloseOpportunityCodeServiceImpl implements CloseOpportunityCodeService {
    private static final String RESOURCE = "close opportunity code";

    private static final Listing<CloseOpportunityCodeEntity> LISTING = new Listing<>(CloseOpportunityCodeEntity.class,
            Map.of("code", "code", "description", "description", "type", "type"), "code");

    private final JpaUnit jpa;
    private final UsageChecks usageChecks = new UsageChecks();

    @Activate
    public CloseOpportunityCodeServiceImpl(@Reference(target = "(dataSourceName=opportune)") DataSource dataSource) {
        this.jpa = new JpaUnit("opportune-close-codes", dataSource,
                CloseOpportunityCodeServiceImpl.class.getClassLoader());
    }

    @Deactivate
    public void close() {
        jpa.close();
    }

    @Reference(service = UsageCheck.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = "(" + UsageCheck.RESOURCE + "=" + UsageResources.CLOSE_CODE + ")")
    void addUsageCheck(UsageCheck check) {
        usageChecks.add(check);
    }

    void removeUsageCheck(UsageCheck check) {
        usageChecks.remove(check);
    }

    @Override
    public CloseOpportunityCode create(CloseOpportunityCode closeCode) {
        CloseOpportunityCode input = Objects.requireNonNull(closeCode, "closeCode");
        String code = Codes.normalise(input.code());
        Violations violations = new Violations();
        violations.code("code", input.code(), CloseOpportunityCode.CODE_LENGTH);
        checkFields(violations, input);
        if (input.version() != null) {
            violations.add("version", "is set by the server");
        }
        violations.throwIfAny();
        return jpa.inTransaction(em -> {
            if (em.find(CloseOpportunityCodeEntity.class, code) != null) {
                throw new ConflictException("close opportunity code " + code + " exists already",
                        List.of(new FieldError("code", "is taken by an existing close opportunity code")));
            }
            CloseOpportunityCodeEntity entity = new CloseOpportunityCodeEntity(code);
            entity.apply(input);
            em.persist(entity);
            em.flush();
            return entity.toRecord();
        });
    }

    @Override
    public Optional<CloseOpportunityCode> find(String code) {
        String key = Codes.normalise(code);
        if (key == null) {
            return Optional.empty();
        }
        return jpa.read(em -> Optional.ofNullable(em.find(CloseOpportunityCodeEntity.class, key))
                .map(CloseOpportunityCodeEntity::toRecord));
    }

    @Override
    public CloseOpportunityCode get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException(RESOURCE, Codes.normalise(code)));
    }

    @Override
    public Page<CloseOpportunityCode> list(CloseOpportunityCodeQuery query, PageRequest page) {
        CloseOpportunityCodeQuery filter = query == null ? CloseOpportunityCodeQuery.ALL : query;
        return jpa.read(em -> LISTING.page(em, (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.text() != null && !filter.text().isBlank()) {
                where.add(Listing.containsIgnoreCase(cb, root, filter.text().trim(), "code", "description"));
            }
            if (filter.type() != null) {
                where.add(cb.equal(root.get("type"), filter.type()));
            }
            return where;
        }, page).map(CloseOpportunityCodeEntity::toRecord));
    }

    @Override
    public CloseOpportunityCode update(String code, CloseOpportunityCode closeCode, Long expectedVersion) {
        String key = Codes.normalise(code);
        CloseOpportunityCode input = Objects.requireNonNull(closeCode, "closeCode");
        return jpa.inTransaction(em -> {
            CloseOpportunityCodeEntity entity = lockedForChange(em, key, expectedVersion);
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
        if (key != null) { // before the transaction, as every delete: the checks read on connections of their own
            usageChecks.refuseDeleteIfUsed(RESOURCE + " " + key, key);
        }
        jpa.run(em -> em.remove(lockedForChange(em, key, expectedVersion)));
    }

    @Override
    public CloseOpportunityCode requireOfType(String code, CloseOpportunityCodeType type, String field) {
        Objects.requireNonNull(type, "type");
        String key = Codes.normalise(code);
        if (key == null) {
            throw new ValidationException(field, "is required");
        }
        CloseOpportunityCode closeCode = find(key).orElseThrow(() -> new ValidationException(field,
                "names close opportunity code " + key + ", which does not exist"));
        if (closeCode.type() != type) {
            throw new ValidationException(field, "names close opportunity code " + closeCode.code() + " of type "
                    + closeCode.type() + "; closing as " + type + " needs a code of type " + type);
        }
        return closeCode;
    }

    private static void checkFields(Violations violations, CloseOpportunityCode input) {
        violations.maxLength("description", input.description(), CloseOpportunityCode.DESCRIPTION_LENGTH)
                .required("type", input.type());
    }

    private static CloseOpportunityCodeEntity lockedForChange(EntityManager em, String key, Long expectedVersion) {
        CloseOpportunityCodeEntity entity = key == null ? null
                : em.find(CloseOpportunityCodeEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            throw new NotFoundException(RESOURCE, key);
        }
        if (expectedVersion != null && expectedVersion != entity.version()) {
            throw new StaleVersionException(RESOURCE, key, entity.version());
        }
        return entity;
    }
}
