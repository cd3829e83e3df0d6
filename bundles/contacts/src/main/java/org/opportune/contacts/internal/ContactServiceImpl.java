package org.opportune.contacts.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.criteria.Predicate;
import javax.sql.DataSource;

import org.opportune.api.AccessDeniedException;
import org.opportune.api.Codes;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UnavailableException;
import org.opportune.api.UsageCheck;
import org.opportune.api.UsageResources;
import org.opportune.api.ValidationException;
import org.opportune.api.Violations;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.CallerContext;
import org.opportune.api.caller.Roles;
import org.opportune.api.contact.Address;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactQuery;
import org.opportune.api.contact.ContactService;
import org.opportune.api.contact.ContactType;
import org.opportune.api.contact.ContactValues;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.persistence.AuditTrail;
import org.opportune.persistence.ChangeStamp;
import org.opportune.persistence.JpaUnit;
import org.opportune.persistence.Listing;
import org.opportune.persistence.NumberPattern;
import org.opportune.persistence.NumberSeries;
import org.opportune.persistence.SchemaMigrations;
import org.opportune.persistence.UsageChecks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.LoggerFactory;

@Component(immediate = true, service = ContactService.class, configurationPid = ContactsConfig.PID,
        property = "opportune.module=contacts")
@Designate(ocd = ContactsConfig.class)
public class ContactServiceImpl implements ContactService {
    private static final String RESOURCE = "contact";
    /** How the audit log names contacts. */
    private static final String AUDIT_ENTITY = "contact";
    /** The roles that change every contact. */
    private static final String SERIES = "CONTACT";

    private static final Listing<ContactEntity> LISTING = new Listing<>(ContactEntity.class,
            Map.of("no", "no", "type", "type", "name", "name", "companyNo", "companyNo",
                    "salespersonCode", "salespersonCode", "email", "email", "city", "city", "postCode", "postCode",
                    "countryCode", "countryCode"),
            "no");

    private final JpaUnit jpa;
    private final NumberSeries numberSeries;
    private final NumberPattern numbers;
    private final UsageChecks usageChecks = new UsageChecks(
            LoggerFactory.getLogger(ContactServiceImpl.class)::warn);
    private final CallerContext callers;
    private volatile SalespersonService salespeople;

    @Activate
    public ContactServiceImpl(@Reference(target = "(dataSourceName=opportune)") DataSource dataSource,
            ContactsConfig config, @Reference CallerContext callers, @Reference SchemaMigrations migrations) {
        this.callers = callers;
        this.numbers = NumberPattern.configured(ContactsConfig.PID, config.numberPrefix(), config.numberDigits());
        this.numberSeries = new NumberSeries(dataSource);
        this.jpa = new JpaUnit("opportune-contacts", dataSource, ContactServiceImpl.class.getClassLoader(), migrations);
    }

    @Deactivate
    public void close() {
        jpa.close();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setSalespeople(SalespersonService service) {
        salespeople = service;
    }

    void unsetSalespeople(SalespersonService service) {
        if (salespeople == service) {
            salespeople = null;
        }
    }

    /** Checks come and go at runtime; see {@link UsageChecks} for which ones are asked. */
    @Reference(service = UsageCheck.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, updated = "updatedUsageCheck",
            target = "(" + UsageCheck.RESOURCE + "=" + UsageResources.CONTACT + ")")
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
    public Contact create(ContactValues values) {
        return create(null, false, values);
    }

    @Override
    public Contact create(String no, ContactValues values) {
        return create(no, true, values);
    }

    /** @param noGiven whether the caller names the no. (then it is required) or the series gives it */
    private Contact create(String no, boolean noGiven, ContactValues values) {
        ContactValues input = Objects.requireNonNull(values, "values");
        String own = ownSalespersonOfWriter("create contacts");
        Violations violations = new Violations();
        if (noGiven) {
            violations.code("no", no, Contact.NO_LENGTH);
        }
        checkFields(violations, input);
        violations.throwIfAny();
        String salespersonCode = assignableSalesperson(givenOrOwn(input.salespersonCode(), own), null);
        // the number is drawn before the transaction: the series takes a connection of its own
        String key = noGiven ? Codes.normalise(no)
                : numberSeries.nextFree(SERIES, numbers.prefix(), numbers.digits(),
                        candidate -> find(candidate).isPresent());
        return jpa.inTransaction(em -> {
            if (em.find(ContactEntity.class, key) != null) {
                throw new ConflictException("contact " + key + " exists already",
                        List.of(new FieldError("no", "is taken by an existing contact")));
            }
            String companyNo = companyNo(em, input, key);
            ContactEntity entity = new ContactEntity(key);
            entity.apply(input, companyNo, salespersonCode);
            ChangeStamp stamp = ChangeStamp.now(callers);
            em.persist(stamp.on(entity));
            em.flush();
            Contact created = toView(em, entity);
            AuditTrail.created(em, stamp, AUDIT_ENTITY, key, ContactAuditView.of(created));
            return created;
        });
    }

    @Override
    public Optional<Contact> find(String no) {
        String key = Codes.normalise(no);
        if (key == null || !callers.current().hasAnyOpportuneRole()) {
            return Optional.empty();
        }
        return jpa.read(em -> Optional.ofNullable(em.find(ContactEntity.class, key))
                .map(entity -> toView(em, entity)));
    }

    @Override
    public Contact get(String no) {
        return find(no).orElseThrow(() -> new NotFoundException(RESOURCE, Codes.normalise(no)));
    }

    @Override
    public Page<Contact> list(ContactQuery query, PageRequest page) {
        ContactQuery filter = query == null ? ContactQuery.all() : query;
        if (!callers.current().hasAnyOpportuneRole()) {
            return new Page<>(List.of(), 0, page.offset(), page.limit());
        }
        return jpa.read(em -> {
            Page<ContactEntity> entities = LISTING.page(em, (cb, root) -> {
                List<Predicate> where = new ArrayList<>();
                if (filter.text() != null && !filter.text().isBlank()) {
                    where.add(Listing.containsIgnoreCase(cb, root, filter.text().trim(), "no", "name"));
                }
                if (filter.type() != null) {
                    where.add(cb.equal(root.get("type"), filter.type()));
                }
                // a blank filter filters nothing, as in the opportunity list
                String companyNo = Codes.normalise(filter.companyNo());
                if (companyNo != null) {
                    where.add(cb.equal(root.get("companyNo"), companyNo));
                }
                String salespersonCode = Codes.normalise(filter.salespersonCode());
                if (salespersonCode != null) {
                    where.add(cb.equal(root.get("salespersonCode"), salespersonCode));
                }
                return where;
            }, page);
            Map<String, String> companyNames = companyNames(em, entities.items().stream()
                    .map(ContactEntity::companyNo).filter(Objects::nonNull).distinct().toList());
            return entities.map(entity -> entity.toView(companyNames.get(entity.companyNo())));
        });
    }

    @Override
    public Contact update(String no, ContactValues values, Long expectedVersion) {
        String key = Codes.normalise(no);
        ContactValues input = Objects.requireNonNull(values, "values");
        // asked before the transaction: the salespeople module reads on a connection of its own
        String own = ownSalespersonOfWriter("change contacts");
        return jpa.inTransaction(em -> {
            ContactEntity entity = lockedForChange(em, key, expectedVersion);
            refuseUnlessOwn(entity, own);
            Violations violations = new Violations();
            checkFields(violations, input);
            violations.throwIfAny();
            if (entity.type() == ContactType.COMPANY && input.type() == ContactType.PERSON && hasPersons(em, key)) {
                throw new ConflictException("company " + key + " still has persons and cannot become a person",
                        List.of(new FieldError("type", "cannot change while persons belong to the company")));
            }
            String salespersonCode = assignableSalesperson(givenOrOwn(input.salespersonCode(), own),
                    entity.salespersonCode());
            String companyNo = companyNo(em, input, key);
            Contact before = toView(em, entity);
            entity.apply(input, companyNo, salespersonCode);
            // values as they were: no write, so the version and the last change stay, and no audit line
            ChangeStamp stamp = ChangeStamp.now(callers);
            stamp.onChanged(em, entity);
            em.flush();
            Contact after = toView(em, entity);
            AuditTrail.changed(em, stamp, AUDIT_ENTITY, key, ContactAuditView.of(before), ContactAuditView.of(after));
            return after;
        });
    }

    @Override
    public void delete(String no, Long expectedVersion) {
        Caller caller = callers.current();
        if (!caller.changesEverything()) {
            throw new AccessDeniedException(caller.hasRole(Roles.SALESPERSON)
                    ? "a salesperson cannot delete contacts; ask a sales manager"
                    : "deleting contacts needs the role " + Roles.SALES_MANAGER + " or " + Roles.OPPORTUNE_ADMIN,
                    Roles.CHANGING_EVERYTHING);
        }
        String key = Codes.normalise(no);
        if (key != null) { // a blank no. names no contact: nothing uses it, and the lookup says not found
            usageChecks.refuseDeleteIfUsed(RESOURCE + " " + key, key);
        }
        jpa.run(em -> {
            ContactEntity entity = lockedForChange(em, key, expectedVersion);
            if (entity.type() == ContactType.COMPANY && hasPersons(em, key)) {
                throw new ConflictException("company " + key + " cannot be deleted: persons still belong to it");
            }
            AuditTrail.deleted(em, ChangeStamp.now(callers), AUDIT_ENTITY, key,
                    ContactAuditView.of(toView(em, entity)));
            em.remove(entity);
        });
    }

    /**
     * Who may write contacts: admins and managers every one, a salesperson those of its own salesperson (the one
     * whose user name is the caller's), nobody else any.
     *
     * @param what what the caller asked for, e.g. {@code change contacts}
     * @return the caller's own salesperson code when its writes are limited to it; null when it writes any contact
     * @throws AccessDeniedException the caller may write no contact
     */
    private String ownSalespersonOfWriter(String what) {
        Caller caller = callers.current();
        if (caller.changesEverything()) {
            return null;
        }
        if (!caller.hasRole(Roles.SALESPERSON)) {
            throw new AccessDeniedException("to " + what + " " + caller.userName() + " needs the role "
                    + Roles.SALESPERSON + ", " + Roles.SALES_MANAGER + " or " + Roles.OPPORTUNE_ADMIN,
                    Roles.SELLING);
        }
        SalespersonService service = salespeople;
        if (service == null) {
            throw new UnavailableException("the salespeople module is not available, so the salesperson of user "
                    + caller.userName() + " cannot be found; retry when it runs again");
        }
        return service.findByUserName(caller.userName()).map(Salesperson::code)
                .orElseThrow(() -> new AccessDeniedException("user " + caller.userName() + " is linked to no"
                        + " salesperson, so it cannot " + what + ": set the user name of its salesperson",
                        Roles.CHANGING_EVERYTHING));
    }

    /**
     * @param own the caller's own salesperson, or null when it may give contacts to anyone
     * @return the salesperson code to give the contact: the given one, or the caller's own when none is given
     * @throws AccessDeniedException a salesperson names another salesperson
     */
    private static String givenOrOwn(String given, String own) {
        String code = Codes.normalise(given);
        if (own == null || code == null || code.equals(own)) {
            return code == null ? own : code;
        }
        throw new AccessDeniedException("a salesperson gives contacts to its own salesperson " + own + " only",
                Roles.CHANGING_EVERYTHING, List.of(new FieldError("salespersonCode",
                        "must be your own salesperson " + own + " (or none), not " + code)));
    }

    /** @param own the caller's own salesperson, or null when it may change every contact */
    private static void refuseUnlessOwn(ContactEntity contact, String own) {
        if (own != null && !own.equals(contact.salespersonCode())) {
            throw new AccessDeniedException("contact " + contact.no() + " is "
                    + (contact.salespersonCode() == null ? "given to no salesperson"
                            : "salesperson " + contact.salespersonCode() + "'s")
                    + "; a salesperson changes the contacts of its own salesperson " + own + " only",
                    Roles.CHANGING_EVERYTHING);
        }
    }

    /** The company no. to store: a company's own no., or the person's company after checking it. */
    private static String companyNo(EntityManager em, ContactValues input, String ownNo) {
        String given = Codes.normalise(input.companyNo());
        if (input.type() == ContactType.COMPANY) {
            if (given != null && !given.equals(ownNo)) {
                throw new ValidationException("companyNo", "of a company is its own no. (" + ownNo + ")");
            }
            return ownNo;
        }
        if (given == null) {
            return null;
        }
        ContactEntity company = em.find(ContactEntity.class, given);
        if (company == null) {
            throw new ValidationException("companyNo", "names contact " + given + ", which does not exist");
        }
        if (company.type() != ContactType.COMPANY) {
            throw new ValidationException("companyNo", "must name a contact of type COMPANY; " + given + " is a "
                    + company.type());
        }
        return given;
    }

    /** The salesperson code to store; a changed one must exist and not be blocked. */
    private String assignableSalesperson(String given, String current) {
        String code = Codes.normalise(given);
        if (code == null) {
            return null;
        }
        if (code.equals(current)) {
            return code;
        }
        SalespersonService service = salespeople;
        if (service == null) {
            throw new UnavailableException("the salespeople module is not available, so salesperson " + code
                    + " cannot be checked; retry when it runs again");
        }
        return service.requireAssignable(code, "salespersonCode").code();
    }

    private static void checkFields(Violations violations, ContactValues input) {
        violations.required("type", input.type())
                .requiredText("name", input.name() == null ? null : input.name().trim(), Contact.NAME_LENGTH)
                .maxLength("companyNo", input.companyNo(), Contact.NO_LENGTH)
                .maxLength("salespersonCode", input.salespersonCode(), 20)
                .email("email", input.email(), Contact.EMAIL_LENGTH)
                .maxLength("phone", input.phone(), Contact.PHONE_LENGTH)
                .maxLength("mobilePhone", input.mobilePhone(), Contact.PHONE_LENGTH)
                .maxLength("jobTitle", input.jobTitle(), Contact.JOB_TITLE_LENGTH);
        Address address = input.address();
        if (address != null) {
            violations.maxLength("address.line1", address.line1(), Address.LINE_LENGTH)
                    .maxLength("address.line2", address.line2(), Address.LINE_LENGTH)
                    .maxLength("address.city", address.city(), Address.CITY_LENGTH)
                    .maxLength("address.postCode", address.postCode(), Address.POST_CODE_LENGTH)
                    .maxLength("address.county", address.county(), Address.COUNTY_LENGTH)
                    .maxLength("address.countryCode", address.countryCode(), Address.COUNTRY_CODE_LENGTH);
        }
    }

    private static boolean hasPersons(EntityManager em, String companyNo) {
        return em.createQuery("SELECT COUNT(c) FROM ContactEntity c WHERE c.companyNo = :company AND c.no <> :company",
                Long.class).setParameter("company", companyNo).getSingleResult() > 0;
    }

    private static ContactEntity lockedForChange(EntityManager em, String key, Long expectedVersion) {
        ContactEntity entity = key == null ? null
                : em.find(ContactEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            throw new NotFoundException(RESOURCE, key);
        }
        if (expectedVersion != null && expectedVersion != entity.version()) {
            throw new StaleVersionException(RESOURCE, key, entity.version());
        }
        return entity;
    }

    private static Contact toView(EntityManager em, ContactEntity entity) {
        return entity.toView(companyName(em, entity));
    }

    private static String companyName(EntityManager em, ContactEntity entity) {
        if (entity.companyNo() == null) {
            return null;
        }
        if (entity.companyNo().equals(entity.no())) {
            return entity.name();
        }
        ContactEntity company = em.find(ContactEntity.class, entity.companyNo());
        return company == null ? null : company.name();
    }

    private static Map<String, String> companyNames(EntityManager em, Collection<String> companyNos) {
        Map<String, String> names = new HashMap<>();
        if (!companyNos.isEmpty()) {
            em.createQuery("SELECT c.no, c.name FROM ContactEntity c WHERE c.no IN :nos", Object[].class)
                    .setParameter("nos", companyNos).getResultList()
                    .forEach(row -> names.put((String) row[0], (String) row[1]));
        }
        return names;
    }
}
