package org.opportune.contacts.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UnavailableException;
import org.opportune.api.UsageCheck;
import org.opportune.api.ValidationException;
import org.opportune.api.contact.Address;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactQuery;
import org.opportune.api.contact.ContactType;

public class ContactServiceImplTest {
    private EmbeddedDataSource dataSource;
    private ContactServiceImpl service;
    private final FakeSalespeople salespeople = new FakeSalespeople();

    @Before
    public void start() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        service = new ContactServiceImpl(dataSource, config("CT", 6));
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

    private static Contact company(String no, String name) {
        return new Contact(no, ContactType.COMPANY, name, null, null, null, null, null, null, null, null, null);
    }

    private static Contact person(String no, String name, String companyNo) {
        return new Contact(no, ContactType.PERSON, name, companyNo, null, null, null, null, null, null, null, null);
    }

    private static Contact withSalesperson(Contact c, String code) {
        return new Contact(c.no(), c.type(), c.name(), c.companyNo(), c.companyName(), code, c.email(), c.phone(),
                c.mobilePhone(), c.jobTitle(), c.address(), c.version());
    }

    @Test
    public void numbersComeFromTheSeriesAndSkipNumbersTakenByHand() {
        assertEquals("CT000001", service.create(company(null, "Cronus Ltd")).no());
        service.create(company("ct000002", "Taken by hand"));
        assertEquals("CT000003", service.create(company(null, "Next")).no());
    }

    @Test
    public void numberPrefixAndDigitsAreConfigurable() {
        ContactServiceImpl other = new ContactServiceImpl(dataSource, config("k-", 4));
        try {
            assertEquals("K-0001", other.create(company(null, "Other series")).no());
        } finally {
            other.close();
        }
    }

    @Test
    public void aCompanyIsItsOwnCompany() {
        Contact cronus = service.create(new Contact(null, ContactType.COMPANY, "Cronus Ltd", null, null, "jo",
                "info@cronus.example", "+44 1", null, null, new Address("1 Main St", null, "London", "W1", null, "GB"),
                null));
        assertEquals(cronus.no(), cronus.companyNo());
        assertEquals("Cronus Ltd", cronus.companyName());
        assertEquals("JO", cronus.salespersonCode());
        assertEquals("London", cronus.address().city());
        assertEquals(Long.valueOf(1), cronus.version());
    }

    @Test
    public void aCompanyCannotNameAnotherCompany() {
        Contact cronus = service.create(company(null, "Cronus"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.create(new Contact(null, ContactType.COMPANY, "Other", cronus.no(), null, null, null,
                        null, null, null, null, null)));
        assertEquals("companyNo", e.errors().get(0).field());
    }

    @Test
    public void aPersonBelongsToACompanyContactOnly() {
        Contact cronus = service.create(company(null, "Cronus"));
        Contact anna = service.create(person(null, "Anna", cronus.no()));
        assertEquals(cronus.no(), anna.companyNo());
        assertEquals("Cronus", anna.companyName());

        ValidationException notACompany = assertThrows(ValidationException.class,
                () -> service.create(person(null, "Ben", anna.no())));
        assertEquals(List.of(new FieldError("companyNo", "must name a contact of type COMPANY; " + anna.no()
                + " is a PERSON")), notACompany.errors());
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> service.create(person(null, "Ben", "CT999999")));
        assertEquals("companyNo", unknown.errors().get(0).field());

        Contact alone = service.create(person(null, "Solo", null));
        assertNull(alone.companyNo());
        assertNull(alone.companyName());
    }

    @Test
    public void salespersonMustExistAndNotBeBlocked() {
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> service.create(withSalesperson(company(null, "X"), "NOPE")));
        assertEquals("salespersonCode", unknown.errors().get(0).field());
        ConflictException blocked = assertThrows(ConflictException.class,
                () -> service.create(withSalesperson(company(null, "X"), "BL")));
        assertEquals("salespersonCode", blocked.errors().get(0).field());
    }

    @Test
    public void aContactKeepsItsSalespersonWhenBlockedLater() {
        Contact cronus = service.create(withSalesperson(company(null, "Cronus"), "JO"));
        salespeople.add("JO", true);
        Contact renamed = service.update(cronus.no(), withSalesperson(company(null, "Cronus Group"), "JO"), null);
        assertEquals("JO", renamed.salespersonCode());
        assertEquals("Cronus Group", renamed.name());
    }

    @Test
    public void withoutTheSalespeopleModuleASalespersonCannotBeChecked() {
        service.unsetSalespeople(salespeople);
        assertThrows(UnavailableException.class, () -> service.create(withSalesperson(company(null, "X"), "JO")));
        assertEquals("CT000001", service.create(company(null, "No salesperson needed")).no());
    }

    @Test
    public void createReportsEveryInvalidField() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(new Contact(null, null,
                "N".repeat(101), null, null, null, "bad", null, null, null,
                new Address(null, null, "C".repeat(31), null, null, null), 2L)));
        assertEquals(List.of("version", "type", "name", "email", "address.city"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    public void duplicateNoIsAConflict() {
        service.create(company("C1", "One"));
        ConflictException e = assertThrows(ConflictException.class, () -> service.create(company("c1", "Two")));
        assertEquals("no", e.errors().get(0).field());
    }

    @Test
    public void companyNameIsDerivedNotSettable() {
        Contact cronus = service.create(company(null, "Cronus"));
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(new Contact(null,
                ContactType.PERSON, "Anna", cronus.no(), "Other name", null, null, null, null, null, null, null)));
        assertEquals("companyName", e.errors().get(0).field());
    }

    @Test
    public void echoingAReadContactWithAChangedCompanyIsAccepted() {
        Contact first = service.create(company(null, "First"));
        Contact second = service.create(company(null, "Second"));
        Contact anna = service.create(person(null, "Anna", first.no()));
        // what a merge patch of {"companyNo": second} produces: the old, derived companyName echoed
        Contact moved = service.update(anna.no(), new Contact(anna.no(), ContactType.PERSON, "Anna", second.no(),
                "First", null, null, null, null, null, anna.address(), anna.version()), anna.version());
        assertEquals("Second", moved.companyName());
    }

    @Test
    public void updateChecksVersionAndKey() {
        Contact cronus = service.create(company(null, "Cronus"));
        service.update(cronus.no(), company(null, "Cronus 2"), 1L);
        assertThrows(StaleVersionException.class, () -> service.update(cronus.no(), company(null, "Cronus 3"), 1L));
        assertEquals("Cronus 2", service.get(cronus.no()).name());
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.update(cronus.no(), company("OTHER", "Cronus"), null));
        assertEquals("no", e.errors().get(0).field());
        assertThrows(NotFoundException.class, () -> service.update("CT999", company(null, "x"), null));
    }

    @Test
    public void aCompanyWithPersonsCannotBecomeAPersonNorBeDeleted() {
        Contact cronus = service.create(company(null, "Cronus"));
        Contact anna = service.create(person(null, "Anna", cronus.no()));
        ConflictException typeChange = assertThrows(ConflictException.class,
                () -> service.update(cronus.no(), person(null, "Cronus", null), null));
        assertEquals("type", typeChange.errors().get(0).field());
        assertThrows(ConflictException.class, () -> service.delete(cronus.no(), null));

        service.delete(anna.no(), null);
        service.delete(cronus.no(), null);
        assertFalse(service.find(cronus.no()).isPresent());
    }

    @Test
    public void deleteConsultsUsageChecks() {
        Contact cronus = service.create(company(null, "Cronus"));
        UsageCheck openOpportunities = key -> Optional.of("contact " + key + " has 1 open opportunity");
        service.addUsageCheck(openOpportunities);
        ConflictException e = assertThrows(ConflictException.class, () -> service.delete(cronus.no(), null));
        assertTrue(e.getMessage(), e.getMessage().endsWith("contact " + cronus.no() + " has 1 open opportunity"));
        service.removeUsageCheck(openOpportunities);
        service.delete(cronus.no(), null);
    }

    @Test
    public void listFiltersByTypeCompanySalespersonAndText() {
        Contact cronus = service.create(withSalesperson(company(null, "Cronus"), "JO"));
        service.create(withSalesperson(person(null, "Anna Cronus", cronus.no()), "JO"));
        service.create(person(null, "Ben", cronus.no()));
        service.create(company(null, "Fabrikam"));

        Page<Contact> persons = service.list(new ContactQuery(null, ContactType.PERSON, cronus.no(), null),
                PageRequest.of(0, 10, "name"));
        assertEquals(List.of("Anna Cronus", "Ben"), persons.items().stream().map(Contact::name).toList());
        assertEquals(List.of("Cronus", "Cronus"), persons.items().stream().map(Contact::companyName).toList());

        Page<Contact> jos = service.list(new ContactQuery("cronus", null, null, "jo"), PageRequest.first());
        assertEquals(2, jos.total());

        Page<Contact> companies = service.list(new ContactQuery(null, ContactType.COMPANY, null, null),
                PageRequest.of(0, 1, "-name"));
        assertEquals(2, companies.total());
        assertEquals(List.of("Fabrikam"), companies.items().stream().map(Contact::name).toList());
    }

    @Test
    public void aTurkishServerSpellsNumbersAndCodesAsEveryOtherDoes() {
        salespeople.add("TIM", false);
        Locale defaultLocale = Locale.getDefault();
        Locale.setDefault(new Locale("tr", "TR")); // where "i".toUpperCase() is "İ"
        ContactServiceImpl lowerCasePrefix = new ContactServiceImpl(dataSource, config("ci", 4));
        try {
            assertEquals("CI0001", lowerCasePrefix.create(company(null, "Prefixed")).no());
            Contact company = service.create(withSalesperson(company("tim1", "Tim Ltd"), "tim"));
            assertEquals("TIM1", company.no());
            assertEquals("TIM", company.salespersonCode());
            assertEquals("TIM1", service.get("tim1").no());
            Contact person = service.create(person(null, "Anna", "tim1"));
            assertEquals("TIM1", person.companyNo());
            assertEquals(2, service.list(new ContactQuery(null, null, "tim1", null), PageRequest.first()).total());
            assertEquals(1, service.list(new ContactQuery(null, null, null, "tim"), PageRequest.first()).total());
        } finally {
            Locale.setDefault(defaultLocale);
            lowerCasePrefix.close();
        }
    }

    @Test
    public void aBlankNoNamesNoContact() {
        service.create(company(null, "Cronus"));
        service.addUsageCheck(key -> {
            throw new AssertionError("a blank key must not reach the usage checks");
        });

        assertEquals(Optional.empty(), service.find(" "));
        assertThrows(NotFoundException.class, () -> service.get(" "));
        assertThrows(NotFoundException.class, () -> service.update(" ", company(null, "x"), null));
        assertThrows(NotFoundException.class, () -> service.delete(" ", null));
    }

    @Test
    public void aBlankFilterFiltersNothingAsInTheOpportunityList() {
        Contact cronus = service.create(withSalesperson(company(null, "Cronus"), "JO"));
        service.create(person(null, "Ben", cronus.no()));
        service.create(company(null, "Fabrikam"));

        assertEquals(3, service.list(new ContactQuery(null, null, " ", " "), PageRequest.first()).total());
    }

    @Test
    public void aBlankCompanyOrSalespersonIsNone() {
        Contact ben = service.create(withSalesperson(person(null, "Ben", " "), " "));
        assertNull(ben.companyNo());
        assertNull(ben.salespersonCode());
    }

    /** Salespeople keyed by code, with their blocked flag. */
    static final class FakeSalespeople extends SalespeopleStub {
        private final Map<String, Boolean> blocked = new HashMap<>();

        void add(String code, boolean isBlocked) {
            blocked.put(code, isBlocked);
        }

        @Override
        Map<String, Boolean> blocked() {
            return blocked;
        }
    }
}
