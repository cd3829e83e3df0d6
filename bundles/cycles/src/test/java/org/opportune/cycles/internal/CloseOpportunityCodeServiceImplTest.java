package org.opportune.cycles.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.opportune.api.ValidationException;
import org.opportune.api.caller.Caller;
import org.opportune.api.cycle.CloseCodeValues;
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeQuery;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.persistence.SchemaMigrations;
import org.opportune.persistence.ThreadCallerContext;
import org.opportune.persistence.testing.AuditLines;
import org.opportune.persistence.testing.ChangelogSchema;

public class CloseOpportunityCodeServiceImplTest {

    @Test
    public void theCloseCodesChangelogKeepsToLiquibasesSchema() {
        ChangelogSchema.assertValid(getClass().getClassLoader(), SchemaMigrations.changelogOf("opportune-close-codes"));
    }

    private final ThreadCallerContext callers = new ThreadCallerContext();
    private CloseOpportunityCodeServiceImpl service;
    private EmbeddedDataSource dataSource;

    @Before
    public void start() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        service = new CloseOpportunityCodeServiceImpl(dataSource, callers, new SchemaMigrations());
    }

    @After
    public void stop() {
        service.close();
    }

    private static CloseCodeValues values(String description, CloseOpportunityCodeType type) {
        return CloseCodeValues.builder().description(description).type(type).build();
    }

    private CloseOpportunityCode create(String code, String description, CloseOpportunityCodeType type) {
        return service.create(code, values(description, type));
    }

    /** The view expected for a code, changed last as {@code last} was. */
    private static CloseOpportunityCode view(String code, String description, CloseOpportunityCodeType type,
            long version, CloseOpportunityCode last) {
        return new CloseOpportunityCodeView(code, description, type, version, last.changedBy(), last.changedAt());
    }

    private static List<String> codes(Page<CloseOpportunityCode> page) {
        return page.items().stream().map(CloseOpportunityCode::code).toList();
    }

    @Test
    public void createStoresUpperCaseCodeAndReadsBackCaseInsensitively() {
        CloseOpportunityCode created = create(" win1 ", "Signed", CloseOpportunityCodeType.WON);
        assertEquals(view("WIN1", "Signed", CloseOpportunityCodeType.WON, 1L, created), created);
        assertEquals(created, service.get("Win1"));
        assertNull(create("PRICE", null, CloseOpportunityCodeType.LOST).description());
    }

    @Test
    public void createRefusesATakenCode() {
        create("WIN1", "Signed", CloseOpportunityCodeType.WON);
        ConflictException e = assertThrows(ConflictException.class,
                () -> create("win1", "Again", CloseOpportunityCodeType.LOST));
        assertEquals(List.of(new FieldError("code", "is taken by an existing close opportunity code")), e.errors());
    }

    @Test
    public void createReportsEveryInvalidField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> create("ELEVEN-CHAR", "D".repeat(101), null));
        assertEquals(List.of("code", "description", "type"), e.errors().stream().map(FieldError::field).toList());
        assertThrows(ValidationException.class, () -> create(" ", null, CloseOpportunityCodeType.WON));
        assertThrows(ValidationException.class, () -> create("A?B", null, CloseOpportunityCodeType.WON));
    }

    @Test
    public void updateReplacesFieldsTypeIncluded() {
        create("PRICE", "Too expensive", CloseOpportunityCodeType.LOST);
        CloseOpportunityCode updated = service.update("price", values("Price", CloseOpportunityCodeType.WON), 1L);
        assertEquals(view("PRICE", "Price", CloseOpportunityCodeType.WON, 2L, updated), updated);
    }

    @Test
    public void updateChecksVersionAndFields() {
        create("PRICE", "Too expensive", CloseOpportunityCodeType.LOST);
        service.update("PRICE", values("Second", CloseOpportunityCodeType.LOST), 1L);
        assertThrows(StaleVersionException.class,
                () -> service.update("PRICE", values("Third", CloseOpportunityCodeType.LOST), 1L));
        assertEquals("Second", service.get("PRICE").description());
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.update("PRICE", values(null, null), null));
        assertEquals(List.of(new FieldError("type", "is required")), e.errors());
        assertThrows(NotFoundException.class,
                () -> service.update("NOPE", values(null, CloseOpportunityCodeType.WON), null));
    }

    @Test
    public void aCodeInUseCannotBeDeleted() {
        create("WIN1", "Signed", CloseOpportunityCodeType.WON);
        UsageCheck usedByEntries = key -> Optional.of("entry 4 of opportunity OP000001 was closed with " + key);
        service.addUsageCheck(usedByEntries, Map.of(UsageCheck.NAME_PROPERTY, "entries-with-close-code"));
        ConflictException e = assertThrows(ConflictException.class, () -> service.delete("win1", null));
        assertEquals("close opportunity code WIN1 cannot be deleted: entry 4 of opportunity OP000001 was closed"
                + " with WIN1", e.getMessage());
        assertTrue(service.find("WIN1").isPresent());

        service.removeUsageCheck(usedByEntries, Map.of());
        assertThrows(StaleVersionException.class, () -> service.delete("WIN1", 2L));
        service.delete("WIN1", 1L);
        assertFalse(service.find("WIN1").isPresent());
        assertThrows(NotFoundException.class, () -> service.delete("WIN1", null));
    }

    @Test
    public void usageChecksFollowTheWhiteboardRules() {
        create("WIN1", "Signed", CloseOpportunityCodeType.WON);
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
        UsageCheck archive = key -> {
            asked.add("archive");
            return Optional.of("the archive keeps it");
        };
        service.addUsageCheck(unnamed, Map.of("service.ranking", 100));
        service.addUsageCheck(low, Map.of(UsageCheck.NAME_PROPERTY, "entries-with-close-code", "service.ranking", 1));
        service.addUsageCheck(high, Map.of(UsageCheck.NAME_PROPERTY, "Entries-With-Close-Code", "service.ranking", 2));
        service.addUsageCheck(archive, Map.of(UsageCheck.NAME_PROPERTY, "Archive"));

        // the unnamed one is never asked; of one name (ignoring case) the higher ranking; by name
        ConflictException e = assertThrows(ConflictException.class, () -> service.delete("WIN1", null));
        assertEquals("close opportunity code WIN1 cannot be deleted: the archive keeps it; high says in use",
                e.getMessage());
        assertEquals(List.of("archive", "high"), asked);

        asked.clear();
        service.updatedUsageCheck(low, Map.of(UsageCheck.NAME_PROPERTY, "entries-with-close-code",
                "service.ranking", 3));
        e = assertThrows(ConflictException.class, () -> service.delete("WIN1", null));
        assertEquals("close opportunity code WIN1 cannot be deleted: the archive keeps it; low says in use",
                e.getMessage());
        assertEquals(List.of("archive", "low"), asked);

        for (UsageCheck check : List.of(unnamed, low, high, archive)) {
            service.removeUsageCheck(check, Map.of());
        }
        service.delete("WIN1", null);
        assertFalse(service.find("WIN1").isPresent());
    }

    @Test
    public void listFiltersByTypeAndTextSortsAndPages() {
        create("WIN1", "Signed", CloseOpportunityCodeType.WON);
        create("WIN2", "Signed after a trial", CloseOpportunityCodeType.WON);
        create("PRICE", "Too expensive", CloseOpportunityCodeType.LOST);
        create("LATE", "Signed elsewhere first", CloseOpportunityCodeType.LOST);

        assertEquals(List.of("LATE", "PRICE"),
                codes(service.list(CloseOpportunityCodeQuery.all().withType(CloseOpportunityCodeType.LOST),
                        PageRequest.first())));
        assertEquals(List.of("WIN2", "WIN1", "LATE"),
                codes(service.list(CloseOpportunityCodeQuery.all().withText("signed"), PageRequest.of(0, 10, "-code"))));
        Page<CloseOpportunityCode> page = service.list(CloseOpportunityCodeQuery.all(),
                PageRequest.of(1, 2, "type,code"));
        assertEquals(List.of("PRICE", "WIN1"), codes(page)); // LOST before WON, by name
        assertEquals(4, page.total());
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.list(CloseOpportunityCodeQuery.all(), PageRequest.of(0, 10, "outcome")));
        assertEquals("sort", e.errors().get(0).field());
    }

    @Test
    public void requireOfTypeRefusesUnknownAndTheOtherType() {
        create("WIN1", "Signed", CloseOpportunityCodeType.WON);
        assertEquals("WIN1", service.requireOfType("win1", CloseOpportunityCodeType.WON, "closeCode").code());
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> service.requireOfType("NOPE", CloseOpportunityCodeType.WON, "closeCode"));
        assertEquals(List.of(new FieldError("closeCode", "names close opportunity code NOPE, which does not exist")),
                unknown.errors());
        ValidationException wrongType = assertThrows(ValidationException.class,
                () -> service.requireOfType("WIN1", CloseOpportunityCodeType.LOST, "closeCode"));
        assertEquals(List.of(new FieldError("closeCode", "names close opportunity code WIN1 of type WON; closing as"
                + " LOST needs a code of type LOST")), wrongType.errors());
    }

    @Test
    public void aTurkishServerSpellsCodesAsEveryOtherDoes() {
        Locale defaultLocale = Locale.getDefault();
        Locale.setDefault(new Locale("tr", "TR")); // where "i".toUpperCase() is "İ"
        try {
            assertEquals("WIN", create("win", null, CloseOpportunityCodeType.WON).code());
            assertEquals("WIN", service.get("win").code());
            assertEquals("WIN", service.requireOfType("win", CloseOpportunityCodeType.WON, "closeCode").code());
            service.delete("win", null);
            assertFalse(service.find("WIN").isPresent());
        } finally {
            Locale.setDefault(defaultLocale);
        }
    }

    @Test
    public void aBlankCodeNamesNoCloseCode() {
        create("WIN1", "Signed", CloseOpportunityCodeType.WON);
        assertEquals(Optional.empty(), service.find(" "));
        assertThrows(NotFoundException.class, () -> service.get(" "));
        assertThrows(NotFoundException.class,
                () -> service.update(" ", values(null, CloseOpportunityCodeType.WON), null));
        assertThrows(NotFoundException.class, () -> service.delete(" ", null));
        ValidationException missing = assertThrows(ValidationException.class,
                () -> service.requireOfType(" ", CloseOpportunityCodeType.WON, "closeCode"));
        assertEquals(List.of(new FieldError("closeCode", "is required")), missing.errors());
    }

    @Test
    public void theCallerAndTheTimeOfTheLastChangeAreStoredAndReturned() {
        Caller anna = Caller.user("anna", Set.of("opportune-admin"));
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CloseOpportunityCode created = callers.callAs(anna, () -> create("WIN1", "Signed", CloseOpportunityCodeType.WON));
        assertEquals("anna", created.changedBy());
        assertFalse(created.changedAt().isBefore(before));
        assertFalse(created.changedAt().isAfter(Instant.now()));
        assertEquals(created, service.get("WIN1"));

        CloseOpportunityCode updated = callers.callAs(Caller.user("ben", Set.of("opportune-admin")),
                () -> service.update("WIN1", values("Signed at last", CloseOpportunityCodeType.WON), 1L));
        assertEquals("ben", updated.changedBy());
        assertFalse(updated.changedAt().isBefore(created.changedAt()));
        assertEquals(updated, service.get("WIN1"));
        assertEquals(updated, service.list(CloseOpportunityCodeQuery.all(), PageRequest.first()).items().get(0));

        // the same values again are no change: neither the version nor the last change move
        assertEquals(updated, callers.callAs(anna,
                () -> service.update("WIN1", CloseCodeValues.from(updated).build(), null)));
    }

    @Test
    public void onlyAnAdminOrTheServerChangesCloseCodesAndEachChangeWritesOneAuditLine() {
        CloseOpportunityCode won = create("WIN1", "Signed", CloseOpportunityCodeType.WON);
        for (String role : List.of("sales-manager", "salesperson", "sales-viewer", "admin")) {
            Caller caller = Caller.user("eve", Set.of(role));
            for (Runnable write : List.<Runnable>of(() -> create("LOST1", "Price", CloseOpportunityCodeType.LOST),
                    () -> service.update("WIN1", values("Mine", CloseOpportunityCodeType.WON), null),
                    () -> service.delete("WIN1", null))) {
                AccessDeniedException e = assertThrows(AccessDeniedException.class,
                        () -> callers.runAs(caller, write));
                assertEquals(List.of("opportune-admin"), e.requiredRoles());
            }
            assertEquals(won, callers.callAs(caller, () -> service.get("WIN1")));
        }
        assertFalse(service.find("LOST1").isPresent());

        Caller admin = Caller.user("root", Set.of("opportune-admin"));
        callers.runAs(admin, () -> service.update("WIN1", values("Signed at last", CloseOpportunityCodeType.WON), 1L));
        assertThrows(StaleVersionException.class, () -> callers.runAs(admin, () -> service.delete("WIN1", 1L)));
        callers.runAs(admin, () -> service.delete("WIN1", 2L));
        assertEquals(List.of("system CREATE close-opportunity-code WIN1: code: \"WIN1\", description: \"Signed\","
                + " type: \"WON\"",
                "root UPDATE close-opportunity-code WIN1: description: \"Signed\" → \"Signed at last\"",
                "root DELETE close-opportunity-code WIN1: code: \"WIN1\", description: \"Signed at last\","
                        + " type: \"WON\""), AuditLines.of(dataSource));
    }
}
