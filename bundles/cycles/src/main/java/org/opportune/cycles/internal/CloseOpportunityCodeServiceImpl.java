package org.opportune.cycles.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.persistence.criteria.Predicate;
import javax.sql.DataSource;

import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.UsageCheck;
import org.opportune.api.UsageResources;
import org.opportune.api.ValidationException;
import org.opportune.api.caller.CallerContext;
import org.opportune.api.cycle.CloseCodeValues;
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeQuery;
import org.opportune.api.cycle.CloseOpportunityCodeService;
import org.opportune.api.cycle.CloseOpportunityCodeType;
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

@Component(immediate = true, service = CloseOpportunityCodeService.class, property = "opportune.module=cycles")
public class CloseOpportunityCodeServiceImpl implements CloseOpportunityCodeService {

    private static final Listing<CloseOpportunityCodeEntity> LISTING = new Listing<>(CloseOpportunityCodeEntity.class,
            Map.of("code", "code", "description", "description", "type", "type"), "code");

    private final JpaUnit jpa;
    private final CallerContext callers;
    private final CodedRecords<CloseOpportunityCodeEntity, CloseOpportunityCode> closeCodes;
    private final UsageChecks usageChecks = new UsageChecks(
            LoggerFactory.getLogger(CloseOpportunityCodeServiceImpl.class)::warn);

    @Activate
    public CloseOpportunityCodeServiceImpl(@Reference(target = "(dataSourceName=opportune)") DataSource dataSource,
            @Reference CallerContext callers, @Reference SchemaMigrations migrations) {
        this.callers = callers;
        this.jpa = new JpaUnit("opportune-close-codes", dataSource,
                CloseOpportunityCodeServiceImpl.class.getClassLoader(), migrations);
        this.closeCodes = new CodedRecords<>(jpa, callers, CloseOpportunityCodeEntity.class, "close opportunity code",
                CloseOpportunityCode.CODE_LENGTH, CloseOpportunityCodeEntity::new, (em, entity) -> entity.toView());
    }

    @Deactivate
    public void close() {
        jpa.close();
    }

    /** Checks come and go at runtime; see {@link UsageChecks} for which ones are asked. */
    @Reference(service = UsageCheck.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, updated = "updatedUsageCheck",
            target = "(" + UsageCheck.RESOURCE + "=" + UsageResources.CLOSE_CODE + ")")
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
    public CloseOpportunityCode create(String code, CloseCodeValues values) {
        AdminOnly.require(callers.current(), "creating a close opportunity code");
        return closeCodes.create(code, checked(values));
    }

    @Override
    public Optional<CloseOpportunityCode> find(String code) {
        return closeCodes.find(code);
    }

    @Override
    public CloseOpportunityCode get(String code) {
        return closeCodes.get(code);
    }

    @Override
    public Page<CloseOpportunityCode> list(CloseOpportunityCodeQuery query, PageRequest page) {
        CloseOpportunityCodeQuery filter = query == null ? CloseOpportunityCodeQuery.all() : query;
        return closeCodes.list(LISTING, (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.text() != null && !filter.text().isBlank()) {
                where.add(Listing.containsIgnoreCase(cb, root, filter.text().trim(), "code", "description"));
            }
            if (filter.type() != null) {
                where.add(cb.equal(root.get("type"), filter.type()));
            }
            return where;
        }, page);
    }

    @Override
    public CloseOpportunityCode update(String code, CloseCodeValues values, Long expectedVersion) {
        AdminOnly.require(callers.current(), "changing a close opportunity code");
        return closeCodes.update(code, expectedVersion, checked(values));
    }

    @Override
    public void delete(String code, Long expectedVersion) {
        AdminOnly.require(callers.current(), "deleting a close opportunity code");
        closeCodes.delete(code, expectedVersion, usageChecks);
    }

    @Override
    public CloseOpportunityCode requireOfType(String code, CloseOpportunityCodeType type, String field) {
        Objects.requireNonNull(type, "type");
        CloseOpportunityCode closeCode = closeCodes.require(code, field, this::find);
        if (closeCode.type() != type) {
            throw new ValidationException(field, "names close opportunity code " + closeCode.code() + " of type "
                    + closeCode.type() + "; closing as " + type + " needs a code of type " + type);
        }
        return closeCode;
    }

    private static CodedRecords.Check<CloseOpportunityCodeEntity> checked(CloseCodeValues values) {
        Objects.requireNonNull(values, "values");
        return violations -> {
            violations.maxLength("description", values.description(), CloseOpportunityCode.DESCRIPTION_LENGTH)
                    .required("type", values.type());
            return (em, entity, stamp) -> entity.apply(values);
        };
    }
}
