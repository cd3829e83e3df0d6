package org.opportune.salespeople.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
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
import org.opportune.api.UsageCheck;
import org.opportune.api.ValidationException;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonQuery;

public class SalespersonServiceImplTest {
    private SalespersonServiceImpl service;

    @Before
    public void start() {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        service = new SalespersonServiceImpl(dataSource);
    }

    @After
    public void stop() {
        service.close();
    }

    private static Salesperson salesperson(String code, String name) {
        return new Salesperson(code, name, null, null, null, null, false, null);
    }

    @Test
    public void createStoresUpperCaseCodeAndReadsBackCaseInsensitively() {
        Salesperson created = service.create(new Salesperson(" jo ", "Jo Miller", "jo@cronus.example", "+1 555",
                "Sales", new BigDecimal("2.50"), false, null));

        assertEquals("JO", created.code());
        assertEquals(new BigDecimal("2.5"), created.commissionPercent());
        assertEquals(Long.valueOf(1), created.version());
        assertEquals(created, service.get("jo"));
    }

    @Test
    public void createRefusesDuplicateCode() {
        service.create(salesperson("JO", "Jo"));
        ConflictException e = assertThrows(ConflictException.class, () -> service.create(salesperson("jo", "Other")));
        assertEquals(List.of(new FieldError("code", "is taken by an existing salesperson")), e.errors());
    }

    @Test
    public void createReportsEveryInvalidFieldAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(new Salesperson(
                "A".repeat(21), " ", "not-an-address", null, null, new BigDecimal("100.5"), false, 3L)));
        assertEquals(List.of("code", "name", "email", "commissionPercent", "version"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    public void codeMustBeUsableInAPath() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(salesperson("A/B", "x")));
        assertEquals("code", e.errors().get(0).field());
    }

    @Test
    public void commissionBoundsAreInclusive() {
        service.create(new Salesperson("ZERO", "z", null, null, null, BigDecimal.ZERO, false, null));
        Salesperson full = service.create(new Salesperson("FULL", "f", null, null, null, new BigDecimal("100"), false, null));
        assertEquals(0, full.commissionPercent().compareTo(new BigDecimal("100")));
        assertThrows(ValidationException.class,
                () -> service.create(new Salesperson("NEG", "n", null, null, null, new BigDecimal("-0.01"), false, null)));
    }

    @Test
    public void updateReplacesFieldsAndBumpsVersion() {
        service.create(salesperson("JO", "Jo"));
        Salesperson updated = service.update("jo", new Salesperson(null, "Jo Miller", null, null, "Manager", null, true, null), 1L);
        assertEquals("Jo Miller", updated.name());
        assertTrue(updated.blocked());
        assertEquals(Long.valueOf(2), updated.version());
    }

    @Test
    public void updateWithStaleVersionChangesNothing() {
        service.create(salesperson("JO", "Jo"));
        service.update("JO", salesperson(null, "Second"), 1L);
        assertThrows(StaleVersionException.class, () -> service.update("JO", salesperson(null, "Third"), 1L));
        assertEquals("Second", service.get("JO").name());
    }

    @Test
    public void updateRefusesChangingTheKeyOrTheVersionField() {
        service.create(salesperson("JO", "Jo"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.update("JO", new Salesperson("ANN", "Jo", null, null, null, null, false, 7L), null));
        assertEquals(List.of("code", "version"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    public void updateOfUnknownIsNotFound() {
        assertThrows(NotFoundException.class, () -> service.update("NOPE", salesperson(null, "x"), null));
    }

    @Test
    public void listFiltersSortsAndPages() {
        service.create(salesperson("C", "Carla Brown"));
        service.create(salesperson("A", "Anna Brown"));
        service.create(salesperson("B", "Ben Smith"));
        service.update("B", new Salesperson(null, "Ben Smith", null, null, null, null, true, null), null);

        Page<Salesperson> browns = service.list(new SalespersonQuery("brown", null), PageRequest.of(0, 10, "-name"));
        assertEquals(List.of("C", "A"), browns.items().stream().map(Salesperson::code).toList());
        assertEquals(2, browns.total());

        Page<Salesperson> blocked = service.list(new SalespersonQuery(null, true), PageRequest.first());
        assertEquals(List.of("B"), blocked.items().stream().map(Salesperson::code).toList());

        Page<Salesperson> second = service.list(SalespersonQuery.ALL, PageRequest.of(1, 1, null));
        assertEquals(List.of("B"), second.items().stream().map(Salesperson::code).toList());
        assertEquals(3, second.total());
    }

    @Test
    public void listRefusesUnknownSortField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.list(SalespersonQuery.ALL, PageRequest.of(0, 10, "salary")));
        assertEquals("sort", e.errors().get(0).field());
    }

    @Test
    public void textFilterTreatsWildcardsLiterally() {
        service.create(salesperson("PCT", "100% Sales"));
        service.create(salesperson("OTHER", "1000 Sales"));
        assertEquals(List.of("PCT"), service.list(new SalespersonQuery("0%", null), PageRequest.first()).items()
                .stream().map(Salesperson::code).toList());
    }

    @Test
    public void deleteIsRefusedWhileAUsageCheckSaysInUse() {
        service.create(salesperson("JO", "Jo"));
        UsageCheck openOpportunities = key -> key.equals("JO") ? Optional.of("salesperson JO has 2 open opportunities")
                : Optional.empty();
        service.addUsageCheck(openOpportunities);

        ConflictException e = assertThrows(ConflictException.class, () -> service.delete("jo", null));
        assertTrue(e.getMessage(), e.getMessage().contains("2 open opportunities"));
        assertTrue(service.find("JO").isPresent());

        service.removeUsageCheck(openOpportunities);
        service.delete("jo", 1L);
        assertFalse(service.find("JO").isPresent());
    }

    @Test
    public void deleteWithStaleVersionIsRefused() {
        service.create(salesperson("JO", "Jo"));
        assertThrows(StaleVersionException.class, () -> service.delete("JO", 5L));
        assertTrue(service.find("JO").isPresent());
    }

    @Test
    public void requireAssignableRefusesUnknownAndBlocked() {
        service.create(salesperson("JO", "Jo"));
        service.create(new Salesperson("BL", "Blocked", null, null, null, null, true, null));

        assertEquals("JO", service.requireAssignable("jo", "salespersonCode").code());
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> service.requireAssignable("NOPE", "salespersonCode"));
        assertEquals("salespersonCode", unknown.errors().get(0).field());
        ConflictException blocked = assertThrows(ConflictException.class,
                () -> service.requireAssignable("BL", "salespersonCode"));
        assertEquals("salespersonCode", blocked.errors().get(0).field());
    }

    @Test
    public void aTurkishServerStoresAndFindsCodesAsEveryOtherDoes() {
        Locale defaultLocale = Locale.getDefault();
        Locale.setDefault(new Locale("tr", "TR")); // where "i".toUpperCase() is "İ"
        try {
            assertEquals("TIM", service.create(salesperson("tim", "Tim Smith")).code());
            assertEquals("TIM", service.get("tim").code());
            assertEquals("TIM", service.requireAssignable("tim", "salespersonCode").code());
            service.delete("tim", null);
            assertFalse(service.find("TIM").isPresent());
        } finally {
            Locale.setDefault(defaultLocale);
        }
    }

    @Test
    public void aBlankCodeNamesNoSalesperson() {
        service.create(salesperson("JO", "Jo"));
        service.addUsageCheck(key -> {
            throw new AssertionError("a blank key must not reach the usage checks");
        });

        assertEquals(Optional.empty(), service.find(" "));
        assertThrows(NotFoundException.class, () -> service.get(" "));
        assertThrows(NotFoundException.class, () -> service.update(" ", salesperson(null, "x"), null));
        assertThrows(NotFoundException.class, () -> service.delete(" ", null));
        ValidationException missing = assertThrows(ValidationException.class,
                () -> service.requireAssignable(" ", "salespersonCode"));
        assertEquals(List.of(new FieldError("salespersonCode", "is required")), missing.errors());
    }

    @Test
    public void aBlankCodeInTheBodyOfAnUpdateIsAChangedKey() {
        service.create(salesperson("JO", "Jo"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.update("JO", salesperson(" ", "Jo"), null));
        assertEquals(List.of("code"), e.errors().stream().map(FieldError::field).toList());
    }
}
