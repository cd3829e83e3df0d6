package org.opportune.salespeople.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
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
import org.opportune.api.UsageCheck;
import org.opportune.api.UsageResources;
import org.opportune.api.ValidationException;
import org.opportune.api.caller.Caller;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonQuery;
import org.opportune.api.salesperson.SalespersonValues;
import org.opportune.persistence.SchemaMigrations;
import org.opportune.persistence.ThreadCallerContext;
import org.opportune.persistence.testing.AuditLines;
import org.opportune.persistence.testing.ChangelogSchema;

public class SalespersonServiceImplTest {

    @Test
    public void theSalespeopleChangelogKeepsToLiquibasesSchema() {
        ChangelogSchema.assertValid(getClass().getClassLoader(), SchemaMigrations.changelogOf("opportune-salespeople"));
    }

    private static final Caller ANNA = Caller.user("anna", Set.of("opportune-admin"));
    private static final Caller BEN = Caller.user("ben", Set.of("opportune-admin"));
    private final ThreadCallerContext callers = new ThreadCallerContext();
    private SalespersonServiceImpl service;
    private EmbeddedDataSource dataSource;

    @Before
    public void start() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        service = new SalespersonServiceImpl(dataSource, callers, new SchemaMigrations());
    }

    @After
    public void stop() {
        service.close();
    }

    private static SalespersonValues values(String name) {
        return SalespersonValues.builder().name(name).build();
    }

    private Salesperson create(String code, String name) {
        return service.create(code, values(name));
    }

    @Test
    public void createStoresUpperCaseCodeAndReadsBackCaseInsensitively() {
        Salesperson created = service.create(" jo ", SalespersonValues.builder().name("Jo Miller")
                .email("jo@cronus.example").phone("+1 555").jobTitle("Sales").commissionPercent(new BigDecimal("2.50"))
                .build());

        assertEquals("JO", created.code());
        assertEquals(new BigDecimal("2.5"), created.commissionPercent());
        assertEquals(1L, created.version());
        assertEquals(created, service.get("jo"));
    }

    @Test
    public void createRefusesDuplicateCode() {
        create("JO", "Jo");
        ConflictException e = assertThrows(ConflictException.class, () -> create("jo", "Other"));
        assertEquals(List.of(new FieldError("code", "is taken by an existing salesperson")), e.errors());
    }

    @Test
    public void createReportsEveryInvalidFieldAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create("A".repeat(21),
                SalespersonValues.builder().name(" ").email("not-an-address").commissionPercent(new BigDecimal("100.5"))
                        .userName("u".repeat(51)).build()));
        assertEquals(List.of("code", "name", "email", "commissionPercent", "userName"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    public void codeMustBeUsableInAPath() {
        ValidationException e = assertThrows(ValidationException.class, () -> create("A/B", "x"));
        assertEquals("code", e.errors().get(0).field());
    }

    @Test
    public void commissionBoundsAreInclusive() {
        service.create("ZERO", SalespersonValues.builder().name("z").commissionPercent(BigDecimal.ZERO).build());
        Salesperson full = service.create("FULL",
                SalespersonValues.builder().name("f").commissionPercent(new BigDecimal("100")).build());
        assertEquals(0, full.commissionPercent().compareTo(new BigDecimal("100")));
        assertThrows(ValidationException.class, () -> service.create("NEG",
                SalespersonValues.builder().name("n").commissionPercent(new BigDecimal("-0.01")).build()));
    }

    @Test
    public void updateReplacesFieldsAndBumpsVersion() {
        create("JO", "Jo");
        Salesperson updated = service.update("jo",
                SalespersonValues.builder().name("Jo Miller").jobTitle("Manager").blocked(true).build(), 1L);
        assertEquals("Jo Miller", updated.name());
        assertTrue(updated.blocked());
        assertEquals(2L, updated.version());
    }

    @Test
    public void updateWithStaleVersionChangesNothing() {
        create("JO", "Jo");
        service.update("JO", values("Second"), 1L);
        assertThrows(StaleVersionException.class, () -> service.update("JO", values("Third"), 1L));
        assertEquals("Second", service.get("JO").name());
    }

    @Test
    public void updateOfUnknownIsNotFound() {
        assertThrows(NotFoundException.class, () -> service.update("NOPE", values("x"), null));
    }

    @Test
    public void listFiltersSortsAndPages() {
        create("C", "Carla Brown");
        create("A", "Anna Brown");
        create("B", "Ben Smith");
        service.update("B", SalespersonValues.builder().name("Ben Smith").blocked(true).build(), null);

        Page<Salesperson> browns = service.list(SalespersonQuery.all().withText("brown"), PageRequest.of(0, 10, "-name"));
        assertEquals(List.of("C", "A"), browns.items().stream().map(Salesperson::code).toList());
        assertEquals(2, browns.total());

        Page<Salesperson> blocked = service.list(SalespersonQuery.all().withBlocked(true), PageRequest.first());
        assertEquals(List.of("B"), blocked.items().stream().map(Salesperson::code).toList());

        Page<Salesperson> second = service.list(SalespersonQuery.all(), PageRequest.of(1, 1, null));
        assertEquals(List.of("B"), second.items().stream().map(Salesperson::code).toList());
        assertEquals(3, second.total());
    }

    @Test
    public void listRefusesUnknownSortField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.list(SalespersonQuery.all(), PageRequest.of(0, 10, "salary")));
        assertEquals("sort", e.errors().get(0).field());
    }

    @Test
    public void textFilterTreatsWildcardsLiterally() {
        create("PCT", "100% Sales");
        create("OTHER", "1000 Sales");
        assertEquals(List.of("PCT"), service.list(SalespersonQuery.all().withText("0%"), PageRequest.first()).items()
                .stream().map(Salesperson::code).toList());
    }

    @Test
    public void deleteIsRefusedWhileAUsageCheckSaysInUse() {
        create("JO", "Jo");
        UsageCheck openOpportunities = key -> key.equals("JO") ? Optional.of("salesperson JO has 2 open opportunities")
                : Optional.empty();
        service.addUsageCheck(openOpportunities, usageCheck("open-opportunities", null));

        ConflictException e = assertThrows(ConflictException.class, () -> service.delete("jo", null));
        assertTrue(e.getMessage(), e.getMessage().contains("2 open opportunities"));
        assertTrue(service.find("JO").isPresent());

        service.removeUsageCheck(openOpportunities, usageCheck("open-opportunities", null));
        service.delete("jo", 1L);
        assertFalse(service.find("JO").isPresent());
    }

    /** The service properties of a salesperson usage check; a null name or ranking is left out. */
    private static Map<String, Object> usageCheck(String name, Integer ranking) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(UsageCheck.RESOURCE, UsageResources.SALESPERSON);
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
        create("JO", "Jo");
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
        UsageCheck commissions = key -> {
            asked.add("commissions");
            return Optional.of("commissions are due");
        };
        service.addUsageCheck(unnamed, usageCheck(null, 100));
        service.addUsageCheck(low, usageCheck("open-opportunities", 1));
        service.addUsageCheck(high, usageCheck("Open-Opportunities", 2));
        service.addUsageCheck(commissions, usageCheck("commissions", null));

        // the unnamed one is never asked; of one name (ignoring case) the higher ranking; by name
        ConflictException e = assertThrows(ConflictException.class, () -> service.delete("JO", null));
        assertEquals("salesperson JO cannot be deleted: commissions are due; high says in use", e.getMessage());
        assertEquals(List.of("commissions", "high"), asked);

        asked.clear();
        service.updatedUsageCheck(low, usageCheck("open-opportunities", 3));
        e = assertThrows(ConflictException.class, () -> service.delete("JO", null));
        assertEquals("salesperson JO cannot be deleted: commissions are due; low says in use", e.getMessage());
        assertEquals(List.of("commissions", "low"), asked);

        for (UsageCheck check : List.of(unnamed, low, high, commissions)) {
            service.removeUsageCheck(check, Map.of());
        }
        service.delete("JO", null);
        assertEquals(List.of("commissions", "low"), asked);
    }

    @Test
    public void deleteWithStaleVersionIsRefused() {
        create("JO", "Jo");
        assertThrows(StaleVersionException.class, () -> service.delete("JO", 5L));
        assertTrue(service.find("JO").isPresent());
    }

    @Test
    public void requireAssignableRefusesUnknownAndBlocked() {
        create("JO", "Jo");
        service.create("BL", SalespersonValues.builder().name("Blocked").blocked(true).build());

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
            assertEquals("TIM", create("tim", "Tim Smith").code());
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
        create("JO", "Jo");
        service.addUsageCheck(key -> {
            throw new AssertionError("a blank key must not reach the usage checks");
        }, usageCheck("fails", null));

        assertEquals(Optional.empty(), service.find(" "));
        assertThrows(NotFoundException.class, () -> service.get(" "));
        assertThrows(NotFoundException.class, () -> service.update(" ", values("x"), null));
        assertThrows(NotFoundException.class, () -> service.delete(" ", null));
        ValidationException missing = assertThrows(ValidationException.class,
                () -> service.requireAssignable(" ", "salespersonCode"));
        assertEquals(List.of(new FieldError("salespersonCode", "is required")), missing.errors());
    }

    // --- who changed it last (changedBy, changedAt)

    @Test
    public void theCallerAndTheTimeOfTheLastChangeAreStoredAndReturned() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Salesperson created = callers.callAs(ANNA, () -> create("JO", "Jo"));
        Instant afterCreate = Instant.now();

        assertEquals("anna", created.changedBy());
        assertFalse(created.changedAt().isBefore(before));
        assertFalse(created.changedAt().isAfter(afterCreate));
        assertEquals(created, service.get("JO"));

        Salesperson updated = callers.callAs(BEN, () -> service.update("JO", values("Jo Miller"), 1L));
        assertEquals("ben", updated.changedBy());
        assertFalse(updated.changedAt().isBefore(created.changedAt()));
        assertEquals(updated, service.get("JO"));
        assertEquals(List.of("ben"), service.list(SalespersonQuery.all(), PageRequest.first()).items().stream()
                .map(Salesperson::changedBy).toList());
    }

    @Test
    public void anUpdateThatChangesNothingKeepsTheLastChange() {
        Salesperson created = callers.callAs(ANNA, () -> service.create("JO", SalespersonValues.builder().name("Jo")
                .commissionPercent(new BigDecimal("2.5")).userName("jo").build()));
        Salesperson same = callers.callAs(BEN,
                () -> service.update("JO", SalespersonValues.from(created).build(), created.version()));
        assertEquals(created, same);
    }

    @Test
    public void workTheServerDoesByItselfIsChangedBySystem() {
        assertEquals("system", create("JO", "Jo").changedBy());
    }

    // --- the login acting as the salesperson (userName)

    @Test
    public void theUserNameIsStoredAsGivenAndFoundByAnExactMatch() {
        Salesperson anna = service.create("AB", SalespersonValues.builder().name("Anna Brown").userName("Anna.Brown")
                .build());
        assertEquals("Anna.Brown", anna.userName());
        assertEquals(Optional.of(anna), service.findByUserName("Anna.Brown"));
        assertEquals(Optional.empty(), service.findByUserName("anna.brown"));
        assertEquals(Optional.empty(), service.findByUserName("Anna"));
        assertEquals(Optional.empty(), service.findByUserName(null));
        assertEquals(Optional.empty(), service.findByUserName(" "));
    }

    @Test
    public void aBlankUserNameIsNoneAndManySalespeopleMayHaveNone() {
        assertNull(create("JO", "Jo").userName());
        assertNull(service.create("AB", SalespersonValues.builder().name("Anna").userName("  ").build()).userName());
        assertEquals(Optional.empty(), service.findByUserName("  "));
    }

    @Test
    public void aSecondSalespersonWithTheSameUserNameIsRefused() {
        service.create("AB", SalespersonValues.builder().name("Anna Brown").userName("anna").build());
        ConflictException onCreate = assertThrows(ConflictException.class,
                () -> service.create("AS", SalespersonValues.builder().name("Anna Smith").userName("anna").build()));
        assertEquals(List.of(new FieldError("userName", "is taken by salesperson AB")), onCreate.errors());
        assertFalse(service.find("AS").isPresent());

        create("AS", "Anna Smith");
        ConflictException onUpdate = assertThrows(ConflictException.class, () -> service.update("AS",
                SalespersonValues.builder().name("Anna Smith").userName("anna").build(), null));
        assertEquals(List.of(new FieldError("userName", "is taken by salesperson AB")), onUpdate.errors());
        assertNull(service.get("AS").userName());
        // another spelling is another login
        assertEquals("Anna", service.update("AS", SalespersonValues.builder().name("Anna Smith").userName("Anna")
                .build(), null).userName());
    }

    @Test
    public void aSalespersonKeepsItsOwnUserNameAndAFreedOneMayBeTaken() {
        Salesperson anna = service.create("AB", SalespersonValues.builder().name("Anna").userName("anna").build());
        assertEquals("anna", service.update("AB", SalespersonValues.from(anna).blocked(true).build(), null).userName());

        service.update("AB", SalespersonValues.builder().name("Anna").build(), null);
        assertEquals("anna", service.create("AS", SalespersonValues.builder().name("Anna Smith").userName("anna")
                .build()).userName());
        assertEquals("AS", service.findByUserName("anna").orElseThrow().code());
    }

    @Test
    public void listSortsByUserName() {
        service.create("A", SalespersonValues.builder().name("A").userName("zoe").build());
        service.create("B", SalespersonValues.builder().name("B").userName("adam").build());
        service.create("C", SalespersonValues.builder().name("C").userName("mia").build());
        assertEquals(List.of("B", "C", "A"), service.list(SalespersonQuery.all(), PageRequest.of(0, 10, "userName"))
                .items().stream().map(Salesperson::code).toList());
    }

    @Test
    public void onlyAnAdminOrTheServerChangesSalespeopleAndARefusalWritesNothing() {
        Salesperson jo = create("JO", "Jo");
        for (String role : List.of("sales-manager", "salesperson", "sales-viewer", "admin")) {
            Caller caller = Caller.user("eve", Set.of(role));
            for (Runnable write : List.<Runnable>of(() -> service.create("EVE", values("Eve")),
                    () -> service.update("JO", values("Jo Miller"), null), () -> service.delete("JO", null))) {
                AccessDeniedException e = assertThrows(AccessDeniedException.class,
                        () -> callers.runAs(caller, write));
                assertEquals(List.of("opportune-admin"), e.requiredRoles());
            }
        }
        assertEquals(jo, service.get("JO"));
        assertFalse(service.find("EVE").isPresent());
        assertEquals(List.of("system CREATE salesperson JO"), AuditLines.withoutSummaries(dataSource));
        // an admin reads and writes, anyone reads
        callers.runAs(ANNA, () -> service.update("JO", values("Jo Miller"), null));
        assertEquals("Jo Miller", callers.callAs(Caller.user("eve", Set.of("sales-viewer")), () -> service.get("JO"))
                .name());
    }

    @Test
    public void everyChangeWritesOneAuditLineInItsTransactionAndARefusedOneNone() {
        callers.runAs(ANNA, () -> service.create("JO", SalespersonValues.builder().name("Jo").userName("jo").build()));
        callers.runAs(BEN, () -> service.update("JO", SalespersonValues.builder().name("Jo Miller").userName("jo")
                .build(), 1L));
        callers.runAs(BEN, () -> service.update("JO", SalespersonValues.builder().name("Jo Miller").userName("jo")
                .build(), 2L)); // nothing changed: no line
        assertThrows(StaleVersionException.class, () -> callers.runAs(BEN, () -> service.update("JO", values("X"), 1L)));
        assertThrows(ValidationException.class, () -> callers.runAs(BEN, () -> service.update("JO", values(" "), null)));
        callers.runAs(ANNA, () -> service.delete("JO", 2L));

        assertEquals(List.of(
                "anna CREATE salesperson JO: code: \"JO\", name: \"Jo\", blocked: false, userName: \"jo\"",
                "ben UPDATE salesperson JO: name: \"Jo\" → \"Jo Miller\"",
                "anna DELETE salesperson JO: code: \"JO\", name: \"Jo Miller\", blocked: false, userName: \"jo\""),
                AuditLines.of(dataSource));
    }
}
