package org.opportune.contacts.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opportune.api.AccessDeniedException;
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
import org.opportune.api.caller.Caller;
import org.opportune.api.contact.Address;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactQuery;
import org.opportune.api.contact.ContactType;
import org.opportune.api.contact.ContactValues;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.persistence.SchemaMigrations;
import org.opportune.persistence.ThreadCallerContext;
import org.opportune.persistence.testing.AuditLines;
import org.opportune.persistence.testing.ChangelogSchema;

public class ContactServiceImplTest {

    @Test
    public void theContactsChangelogKeepsToLiquibasesSchema() {
        ChangelogSchema.assertValid(getClass().getClassLoader(), SchemaMigrations.changelogOf("opportune-contacts"));
    }

    private EmbeddedDataSource dataSource;
    private ContactServiceImpl service;
    private final FakeSalespeople salespeople = new FakeSalespeople();
    private final ThreadCallerContext callers = new ThreadCallerContext();

    @Before
    public void start() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        service = new ContactServiceImpl(dataSource, config("CT", 6), callers, new SchemaMigrations());
        service.setSalespeople(salespeople);
        salespeople.add("JO", false);
        salespeople.add("BL", true);
    }

    @After
    public void stop() {
        service.close();
    }

    static ContactsConfig config(String prefix, int digits) {
        return new ContactsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ContactsConfig.class;
            }

            @Override
            public String numberPrefix() {
                return prefix;
            }

            @Override
            public int numberDigits() {
                return digits;
            }
        };
    }

    private static ContactValues company(String name) {
        return company(name, null);
    }

    private static ContactValues company(String name, String salespersonCode) {
        return ContactValues.builder().type(ContactType.COMPANY).name(name).salespersonCode(salespersonCode).build();
    }

    private static ContactValues person(String name, String companyNo) {
        return person(name, companyNo, null);
    }

    private static ContactValues person(String name, String companyNo, String salespersonCode) {
        return ContactValues.builder().type(ContactType.PERSON).name(name).companyNo(companyNo)
                .salespersonCode(salespersonCode).build();
    }

    @Test
    public void numbersComeFromTheSeriesAndSkipNumbersTakenByHand() {
        assertEquals("CT000001", service.create(company("Cronus Ltd")).no());
        service.create("ct000002", company("Taken by hand"));
        assertEquals("CT000003", service.create(company("Next")).no());
    }

    @Test
    public void numberPrefixAndDigitsAreConfigurable() {
        ContactServiceImpl other = new ContactServiceImpl(dataSource, config("k-", 4), callers, new SchemaMigrations());
        try {
            assertEquals("K-0001", other.create(company("Other series")).no());
        } finally {
            other.close();
        }
    }

    @Test
    public void aCompanyIsItsOwnCompany() {
        Contact cronus = service.create(ContactValues.builder().type(ContactType.COMPANY).name("Cronus Ltd")
                .salespersonCode("jo").email("info@cronus.example").phone("+44 1")
                .address(Address.builder().line1("1 Main St").city("London").postCode("W1").countryCode("GB").build())
                .build());
        assertEquals(cronus.no(), cronus.companyNo());
        assertEquals("Cronus Ltd", cronus.companyName());
        assertEquals("JO", cronus.salespersonCode());
        assertEquals("London", cronus.address().city());
        assertEquals(1L, cronus.version());
    }

    @Test
    public void aCompanyCannotNameAnotherCompany() {
        Contact cronus = service.create(company("Cronus"));
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(
                ContactValues.builder().type(ContactType.COMPANY).name("Other").companyNo(cronus.no()).build()));
        assertEquals("companyNo", e.errors().get(0).field());
    }

    @Test
    public void aPersonBelongsToACompanyContactOnly() {
        Contact cronus = service.create(company("Cronus"));
        Contact anna = service.create(person("Anna", cronus.no()));
        assertEquals(cronus.no(), anna.companyNo());
        assertEquals("Cronus", anna.companyName());

        ValidationException notACompany = assertThrows(ValidationException.class,
                () -> service.create(person("Ben", anna.no())));
        assertEquals(List.of(new FieldError("companyNo", "must name a contact of type COMPANY; " + anna.no()
                + " is a PERSON")), notACompany.errors());
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> service.create(person("Ben", "CT999999")));
        assertEquals("companyNo", unknown.errors().get(0).field());

        Contact alone = service.create(person("Solo", null));
        assertNull(alone.companyNo());
        assertNull(alone.companyName());
    }

    @Test
    public void salespersonMustExistAndNotBeBlocked() {
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> service.create(company("X", "NOPE")));
        assertEquals("salespersonCode", unknown.errors().get(0).field());
        ConflictException blocked = assertThrows(ConflictException.class,
                () -> service.create(company("X", "BL")));
        assertEquals("salespersonCode", blocked.errors().get(0).field());
    }

    @Test
    public void aContactKeepsItsSalespersonWhenBlockedLater() {
        Contact cronus = service.create(company("Cronus", "JO"));
        salespeople.add("JO", true);
        Contact renamed = service.update(cronus.no(), company("Cronus Group", "JO"), null);
        assertEquals("JO", renamed.salespersonCode());
        assertEquals("Cronus Group", renamed.name());
    }

    @Test
    public void withoutTheSalespeopleModuleASalespersonCannotBeChecked() {
        service.unsetSalespeople(salespeople);
        assertThrows(UnavailableException.class, () -> service.create(company("X", "JO")));
        assertEquals("CT000001", service.create(company("No salesperson needed")).no());
    }

    @Test
    public void createReportsEveryInvalidField() {
        // 2.0: values cannot carry a version any more, so no "version" error is left to report
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(" ",
                ContactValues.builder().name("N".repeat(101)).email("bad")
                        .address(Address.builder().city("C".repeat(31)).build()).build()));
        assertEquals(List.of("no", "type", "name", "email", "address.city"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    public void duplicateNoIsAConflict() {
        service.create("C1", company("One"));
        ConflictException e = assertThrows(ConflictException.class, () -> service.create("c1", company("Two")));
        assertEquals("no", e.errors().get(0).field());
    }

    @Test
    public void changingTheCompanyOfTheReadValuesDerivesTheNewCompanyName() {
        Contact first = service.create(company("First"));
        Contact second = service.create(company("Second"));
        Contact anna = service.create(person("Anna", first.no()));
        // what a merge patch of {"companyNo": second} produces: the read values with the company changed
        Contact moved = service.update(anna.no(), ContactValues.from(anna).companyNo(second.no()).build(),
                anna.version());
        assertEquals("Second", moved.companyName());
    }

    @Test
    public void updateChecksVersion() {
        Contact cronus = service.create(company("Cronus"));
        service.update(cronus.no(), company("Cronus 2"), 1L);
        assertThrows(StaleVersionException.class, () -> service.update(cronus.no(), company("Cronus 3"), 1L));
        assertEquals("Cronus 2", service.get(cronus.no()).name());
        assertThrows(NotFoundException.class, () -> service.update("CT999", company("x"), null));
    }

    @Test
    public void aCompanyWithPersonsCannotBecomeAPersonNorBeDeleted() {
        Contact cronus = service.create(company("Cronus"));
        Contact anna = service.create(person("Anna", cronus.no()));
        ConflictException typeChange = assertThrows(ConflictException.class,
                () -> service.update(cronus.no(), person("Cronus", null), null));
        assertEquals("type", typeChange.errors().get(0).field());
        assertThrows(ConflictException.class, () -> service.delete(cronus.no(), null));

        service.delete(anna.no(), null);
        service.delete(cronus.no(), null);
        assertFalse(service.find(cronus.no()).isPresent());
    }

    @Test
    public void deleteConsultsUsageChecks() {
        Contact cronus = service.create(company("Cronus"));
        UsageCheck openOpportunities = key -> Optional.of("contact " + key + " has 1 open opportunity");
        service.addUsageCheck(openOpportunities, usageCheck("open-opportunities", null));
        ConflictException e = assertThrows(ConflictException.class, () -> service.delete(cronus.no(), null));
        assertTrue(e.getMessage(), e.getMessage().endsWith("contact " + cronus.no() + " has 1 open opportunity"));
        service.removeUsageCheck(openOpportunities, usageCheck("open-opportunities", null));
        service.delete(cronus.no(), null);
    }

    /** The service properties of a contact usage check; a null name or ranking is left out. */
    private static Map<String, Object> usageCheck(String name, Integer ranking) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(UsageCheck.RESOURCE, UsageResources.CONTACT);
        if (name != null) {
            properties.put(UsageCheck.NAME_PROPERTY, name);
        }
        if (ranking != null) {
            properties.put("service.ranking", ranking);
        }
        return properties;
    }

    @Test
    public void usageChecksFollowTheWhiteboardRules() {
        Contact cronus = service.create(company("Cronus"));
        List<String> asked = new ArrayList<>();
        UsageCheck unnamed = key -> {
            asked.add("unnamed");
            return Optional.of("an unnamed check says in use");
        };
        UsageCheck low = key -> {
            asked.add("low");
            return Optional.of("low says in use");
        };
        UsageCheck high = key -> {
            asked.add("high");
            return Optional.of("high says in use");
        };
        UsageCheck campaigns = key -> {
            asked.add("campaigns");
            return Optional.of("a campaign targets it");
        };
        service.addUsageCheck(unnamed, usageCheck(null, 100));
        service.addUsageCheck(low, usageCheck("OPEN-OPPORTUNITIES", 1));
        service.addUsageCheck(high, usageCheck("open-opportunities", 2));
        service.addUsageCheck(campaigns, usageCheck("Campaigns", null));

        // the unnamed one is never asked; of one name (ignoring case) the higher ranking; by name
        ConflictException e = assertThrows(ConflictException.class, () -> service.delete(cronus.no(), null));
        assertEquals("contact " + cronus.no() + " cannot be deleted: a campaign targets it; high says in use",
                e.getMessage());
        assertEquals(List.of("campaigns", "high"), asked);

        asked.clear();
        service.updatedUsageCheck(low, usageCheck("OPEN-OPPORTUNITIES", 3));
        e = assertThrows(ConflictException.class, () -> service.delete(cronus.no(), null));
        assertEquals("contact " + cronus.no() + " cannot be deleted: a campaign targets it; low says in use",
                e.getMessage());
        assertEquals(List.of("campaigns", "low"), asked);

        for (UsageCheck check : List.of(unnamed, low, high, campaigns)) {
            service.removeUsageCheck(check, Map.of());
        }
        service.delete(cronus.no(), null);
        assertFalse(service.find(cronus.no()).isPresent());
    }

    @Test
    public void listFiltersByTypeCompanySalespersonAndText() {
        Contact cronus = service.create(company("Cronus", "JO"));
        service.create(person("Anna Cronus", cronus.no(), "JO"));
        service.create(person("Ben", cronus.no()));
        service.create(company("Fabrikam"));

        Page<Contact> persons = service.list(
                ContactQuery.all().withType(ContactType.PERSON).withCompanyNo(cronus.no()),
                PageRequest.of(0, 10, "name"));
        assertEquals(List.of("Anna Cronus", "Ben"), persons.items().stream().map(Contact::name).toList());
        assertEquals(List.of("Cronus", "Cronus"), persons.items().stream().map(Contact::companyName).toList());

        Page<Contact> jos = service.list(ContactQuery.all().withText("cronus").withSalespersonCode("jo"),
                PageRequest.first());
        assertEquals(2, jos.total());

        Page<Contact> companies = service.list(ContactQuery.all().withType(ContactType.COMPANY),
                PageRequest.of(0, 1, "-name"));
        assertEquals(2, companies.total());
        assertEquals(List.of("Fabrikam"), companies.items().stream().map(Contact::name).toList());
    }

    @Test
    public void aTurkishServerSpellsNumbersAndCodesAsEveryOtherDoes() {
        salespeople.add("TIM", false);
        Locale defaultLocale = Locale.getDefault();
        Locale.setDefault(new Locale("tr", "TR")); // where "i".toUpperCase() is "İ"
        ContactServiceImpl lowerCasePrefix = new ContactServiceImpl(dataSource, config("ci", 4), callers, new SchemaMigrations());
        try {
            assertEquals("CI0001", lowerCasePrefix.create(company("Prefixed")).no());
            Contact company = service.create("tim1", company("Tim Ltd", "tim"));
            assertEquals("TIM1", company.no());
            assertEquals("TIM", company.salespersonCode());
            assertEquals("TIM1", service.get("tim1").no());
            Contact person = service.create(person("Anna", "tim1"));
            assertEquals("TIM1", person.companyNo());
            assertEquals(2, service.list(ContactQuery.all().withCompanyNo("tim1"), PageRequest.first()).total());
            assertEquals(1, service.list(ContactQuery.all().withSalespersonCode("tim"), PageRequest.first()).total());
        } finally {
            Locale.setDefault(defaultLocale);
            lowerCasePrefix.close();
        }
    }

    @Test
    public void aBlankNoNamesNoContact() {
        service.create(company("Cronus"));
        service.addUsageCheck(key -> {
            throw new AssertionError("a blank key must not reach the usage checks");
        }, usageCheck("fails", null));

        assertEquals(Optional.empty(), service.find(" "));
        assertThrows(NotFoundException.class, () -> service.get(" "));
        assertThrows(NotFoundException.class, () -> service.update(" ", company("x"), null));
        assertThrows(NotFoundException.class, () -> service.delete(" ", null));
    }

    @Test
    public void aBlankFilterFiltersNothingAsInTheOpportunityList() {
        Contact cronus = service.create(company("Cronus", "JO"));
        service.create(person("Ben", cronus.no()));
        service.create(company("Fabrikam"));

        assertEquals(3, service.list(ContactQuery.all().withCompanyNo(" ").withSalespersonCode(" "),
                PageRequest.first()).total());
    }

    @Test
    public void aBlankCompanyOrSalespersonIsNone() {
        Contact ben = service.create(person("Ben", " ", " "));
        assertNull(ben.companyNo());
        assertNull(ben.salespersonCode());
    }

    @Test
    public void theAddressIsNeverNull() {
        Contact cronus = service.create(company("Cronus"));
        assertEquals(Address.EMPTY, cronus.address());
        assertEquals(Address.EMPTY, service.get(cronus.no()).address());
        assertEquals(Address.EMPTY, service.list(ContactQuery.all(), PageRequest.first()).items().get(0).address());
    }

    @Test
    public void theCallerAndTheTimeOfTheChangeAreStoredAndReturned() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Contact cronus = callers.callAs(anna(), () -> service.create(company("Cronus")));
        Instant after = Instant.now();

        assertEquals("anna", cronus.changedBy());
        assertFalse(cronus.changedAt() + " before " + before, cronus.changedAt().isBefore(before));
        assertFalse(cronus.changedAt() + " after " + after, cronus.changedAt().isAfter(after));
        Contact read = service.get(cronus.no());
        assertEquals("anna", read.changedBy());
        assertEquals(cronus.changedAt(), read.changedAt());
        Contact listed = service.list(ContactQuery.all(), PageRequest.first()).items().get(0);
        assertEquals("anna", listed.changedBy());
        assertEquals(cronus.changedAt(), listed.changedAt());
    }

    @Test
    public void aChangeByAnotherUserReplacesWhoAndWhen() throws InterruptedException {
        Contact cronus = callers.callAs(anna(), () -> service.create(company("Cronus")));
        Thread.sleep(2); // a later change is later by more than the microseconds kept
        Contact changed = callers.callAs(Caller.user("ben", Set.of("sales-manager")),
                () -> service.update(cronus.no(), company("Cronus Group"), cronus.version()));

        assertEquals("ben", changed.changedBy());
        assertTrue(changed.changedAt() + " after " + cronus.changedAt(),
                changed.changedAt().isAfter(cronus.changedAt()));
        Contact read = service.get(cronus.no());
        assertEquals("ben", read.changedBy());
        assertEquals(changed.changedAt(), read.changedAt());
    }

    @Test
    public void anUpdateThatChangesNothingKeepsTheVersionAndTheLastChange() {
        Contact cronus = callers.callAs(anna(), () -> service.create(ContactValues.builder()
                .type(ContactType.COMPANY).name("Cronus").address(Address.EMPTY).build()));
        // the same values as read, the address given as none this time
        Contact same = callers.callAs(Caller.user("ben", Set.of("opportune-admin")),
                () -> service.update(cronus.no(), company("Cronus"), cronus.version()));

        assertEquals(cronus.version(), same.version());
        assertEquals("anna", same.changedBy());
        assertEquals(cronus.changedAt(), same.changedAt());
        assertEquals(cronus, service.get(cronus.no()));
    }

    @Test
    public void withoutABoundCallerTheSystemChanges() {
        Contact cronus = service.create(company("Cronus"));
        assertEquals(Caller.system().userName(), cronus.changedBy());
        Contact changed = callers.callAs(anna(), () -> service.update(cronus.no(), company("Cronus 2"), null));
        assertEquals("anna", changed.changedBy());
        assertEquals(Caller.system().userName(), service.update(cronus.no(), company("Cronus 3"), null).changedBy());
    }

    @Test
    public void aContactFromBeforeVersion2HasNoChangeStamp() throws SQLException {
        Contact cronus = service.create(company("Cronus"));
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE CONTACT SET CHANGED_BY = NULL, CHANGED_AT = NULL");
        }
        Contact read = service.get(cronus.no());
        assertNull(read.changedBy());
        assertNull(read.changedAt());
        assertEquals(cronus.name(), read.name());
    }

    // ownership: every role reads every contact; who writes which (DOMAIN §12)

    private static final Caller JO_USER = Caller.user("jo", Set.of("salesperson"));
    private static final Caller VIEWER = Caller.user("vera", Set.of("sales-viewer"));
    private static final Caller NOBODY = Caller.user("nick", Set.of());
    private static final Caller ADMIN = Caller.user("root", Set.of("opportune-admin"));

    /** JO is jo's salesperson; KI someone else's. */
    private void linkJo() {
        salespeople.add("KI", false);
        salespeople.link("jo", "JO");
    }

    private static List<String> fields(AccessDeniedException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    public void aSalespersonCreatesContactsForItsOwnSalespersonByDefault() {
        linkJo();
        assertEquals("JO", callers.callAs(JO_USER, () -> service.create(company("Cronus"))).salespersonCode());
        assertEquals("JO", callers.callAs(JO_USER, () -> service.create(company("Fabrikam", " jo"))).salespersonCode());
        // a person of the company too, with no salesperson named
        Contact anne = callers.callAs(JO_USER, () -> service.create(person("Anne", "CT000001")));
        assertEquals("JO", anne.salespersonCode());
        assertEquals("jo", anne.changedBy());
    }

    @Test
    public void aSalespersonNamingAnotherSalespersonCreatesNothing() {
        linkJo();
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> callers.callAs(JO_USER, () -> service.create(company("Cronus", "ki"))));
        assertEquals(List.of("salespersonCode"), fields(e));
        assertEquals(List.of("opportune-admin", "sales-manager"), e.requiredRoles());
        assertEquals(0, service.list(ContactQuery.all(), PageRequest.first()).total());
        assertEquals(List.of(), AuditLines.of(dataSource));
    }

    @Test
    public void aSalespersonLinkedToNoSalespersonWritesNoContact() {
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> callers.callAs(JO_USER, () -> service.create(company("Cronus"))));
        assertTrue(e.getMessage(), e.getMessage().contains("linked to no salesperson"));
        assertEquals(0, service.list(ContactQuery.all(), PageRequest.first()).total());
    }

    @Test
    public void aSalespersonChangesTheContactsOfItsOwnSalespersonOnly() {
        linkJo();
        Contact own = service.create(company("Own", "JO"));
        Contact others = service.create(company("Others", "KI"));
        Contact nobodys = service.create(company("Nobody's"));

        assertEquals("Own Ltd", callers.callAs(JO_USER, () -> service.update(own.no(), company("Own Ltd", "JO"),
                own.version())).name());
        // no salesperson named: it stays its own
        assertEquals("JO", callers.callAs(JO_USER, () -> service.update(own.no(), company("Own Ltd"), null))
                .salespersonCode());
        for (Contact foreign : List.of(others, nobodys)) {
            assertThrows(AccessDeniedException.class, () -> callers.callAs(JO_USER,
                    () -> service.update(foreign.no(), company("Mine now", "JO"), null)));
            assertEquals(foreign, service.get(foreign.no()));
        }
        AccessDeniedException givenAway = assertThrows(AccessDeniedException.class, () -> callers.callAs(JO_USER,
                () -> service.update(own.no(), company("Own Ltd", "KI"), null)));
        assertEquals(List.of("salespersonCode"), fields(givenAway));
        assertEquals("JO", service.get(own.no()).salespersonCode());
    }

    @Test
    public void aSalespersonDeletesNoContactNotEvenItsOwn() {
        linkJo();
        Contact own = service.create(company("Own", "JO"));
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> callers.runAs(JO_USER, () -> service.delete(own.no(), null)));
        assertEquals(List.of("opportune-admin", "sales-manager"), e.requiredRoles());
        assertTrue(service.find(own.no()).isPresent());
    }

    @Test
    public void aViewerOrACallerWithoutRoleWritesNoContact() {
        Contact cronus = service.create(company("Cronus", "JO"));
        for (Caller caller : List.of(VIEWER, NOBODY)) {
            assertThrows(AccessDeniedException.class, () -> callers.callAs(caller,
                    () -> service.create(company("Other"))));
            assertThrows(AccessDeniedException.class, () -> callers.callAs(caller,
                    () -> service.create("X1", company("Other"))));
            assertThrows(AccessDeniedException.class, () -> callers.callAs(caller,
                    () -> service.update(cronus.no(), company("Changed"), null)));
            assertThrows(AccessDeniedException.class, () -> callers.runAs(caller,
                    () -> service.delete(cronus.no(), null)));
        }
        assertEquals(cronus, service.get(cronus.no()));
        assertEquals(1, service.list(ContactQuery.all(), PageRequest.first()).total());
    }

    @Test
    public void everyRoleReadsEveryContactAndACallerWithoutRoleNone() {
        linkJo();
        Contact others = service.create(company("Others", "KI"));
        for (Caller caller : List.of(JO_USER, VIEWER, ADMIN, anna())) {
            assertEquals(others, callers.callAs(caller, () -> service.get(others.no())));
            assertEquals(1, callers.callAs(caller, () -> service.list(ContactQuery.all(), PageRequest.first()))
                    .total());
        }
        assertEquals(Optional.empty(), callers.callAs(NOBODY, () -> service.find(others.no())));
        assertThrows(NotFoundException.class, () -> callers.callAs(NOBODY, () -> service.get(others.no())));
        Page<Contact> none = callers.callAs(NOBODY, () -> service.list(ContactQuery.all(), PageRequest.first()));
        assertEquals(0, none.total());
        assertEquals(List.of(), none.items());
    }

    @Test
    public void adminsAndManagersChangeAndDeleteEveryContact() {
        linkJo();
        for (Caller caller : List.of(ADMIN, anna())) {
            Contact cronus = callers.callAs(caller, () -> service.create(company("Cronus", "KI")));
            Contact changed = callers.callAs(caller, () -> service.update(cronus.no(), company("Cronus", "JO"), null));
            assertEquals("JO", changed.salespersonCode());
            callers.runAs(caller, () -> service.delete(cronus.no(), changed.version()));
            assertFalse(service.find(cronus.no()).isPresent());
        }
    }

    // the audit log

    @Test
    public void createChangeAndDeleteEachWriteOneAuditLine() {
        Contact cronus = callers.callAs(anna(), () -> service.create(ContactValues.builder().type(ContactType.COMPANY)
                .name("Cronus").salespersonCode("jo").address(Address.builder().city("London").build()).build()));
        assertEquals(List.of("anna CREATE contact CT000001: type: \"COMPANY\", name: \"Cronus\", "
                + "companyNo: \"CT000001\", salespersonCode: \"JO\", city: \"London\""), AuditLines.of(dataSource));

        callers.callAs(ADMIN, () -> service.update(cronus.no(), ContactValues.builder().type(ContactType.COMPANY)
                .name("Cronus Ltd").salespersonCode("JO").address(Address.builder().city("Leeds").build()).build(),
                cronus.version()));
        assertEquals("root UPDATE contact CT000001: name: \"Cronus\" → \"Cronus Ltd\", city: \"London\" → \"Leeds\"",
                AuditLines.of(dataSource).get(1));

        callers.runAs(anna(), () -> service.delete(cronus.no(), null));
        assertEquals(List.of("anna DELETE contact CT000001: type: \"COMPANY\", name: \"Cronus Ltd\", "
                + "companyNo: \"CT000001\", salespersonCode: \"JO\", city: \"Leeds\""),
                AuditLines.of(dataSource).subList(2, 3));
        assertEquals(3, AuditLines.of(dataSource).size());
    }

    @Test
    public void aRefusedOrEmptyChangeWritesNoAuditLine() {
        linkJo();
        Contact cronus = service.create(company("Cronus", "JO"));
        service.create(person("Anne", cronus.no()));
        List<String> written = AuditLines.of(dataSource);
        assertEquals(2, written.size());

        assertThrows(ValidationException.class, () -> service.create(company(" ")));
        assertThrows(ConflictException.class, () -> service.create(cronus.no(), company("Again")));
        assertThrows(ValidationException.class, () -> service.update(cronus.no(), company(" "), null));
        assertThrows(ConflictException.class, () -> service.update(cronus.no(), person("Cronus", null), null));
        assertThrows(StaleVersionException.class, () -> service.update(cronus.no(), company("Cronus 2"), 7L));
        assertThrows(StaleVersionException.class, () -> service.delete(cronus.no(), 7L));
        assertThrows(ConflictException.class, () -> service.delete(cronus.no(), null));
        assertThrows(AccessDeniedException.class, () -> callers.callAs(VIEWER,
                () -> service.update(cronus.no(), company("Cronus 2"), null)));
        assertThrows(AccessDeniedException.class, () -> callers.callAs(JO_USER,
                () -> service.update(cronus.no(), company("Cronus 2", "KI"), null)));
        service.update(cronus.no(), company("Cronus", "JO"), cronus.version()); // nothing changes

        assertEquals(written, AuditLines.of(dataSource));
    }

    private static Caller anna() {
        return Caller.user("anna", Set.of("sales-manager"));
    }

    /** Salespeople keyed by code, with their blocked flag. */
    static final class FakeSalespeople extends SalespeopleStub {
        private final Map<String, Boolean> blocked = new HashMap<>();
        private final Map<String, String> codesByUserName = new HashMap<>();

        void add(String code, boolean isBlocked) {
            blocked.put(code, isBlocked);
        }

        void link(String userName, String code) {
            codesByUserName.put(userName, code);
        }

        @Override
        public Optional<Salesperson> findByUserName(String userName) {
            return Optional.ofNullable(codesByUserName.get(userName)).flatMap(this::find);
        }

        @Override
        Map<String, Boolean> blocked() {
            return blocked;
        }
    }
}
