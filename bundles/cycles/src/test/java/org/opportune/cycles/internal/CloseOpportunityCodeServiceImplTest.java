package org.opportune.cycles.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

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
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeQuery;
import org.opportune.api.cycle.CloseOpportunityCodeType;

public class CloseOpportunityCodeServiceImplTest {
    private CloseOpportunityCodeServiceImpl service;

    @Before
    public void start() {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        service = new CloseOpportunityCodeServiceImpl(dataSource);
    }

    @After
    public void stop() {
        service.close();
    }

    private static CloseOpportunityCode code(String code, String description, CloseOpportunityCodeType type) {
        return new CloseOpportunityCode(code, description, type, null);
    }

    private static List<String> codes(Page<CloseOpportunityCode> page) {
        return page.items().stream().map(CloseOpportunityCode::code).toList();
    }

    @Test
    public void createStoresUpperCaseCodeAndReadsBackCaseInsensitively() {
        CloseOpportunityCode created = service.create(code(" win1 ", "Signed", CloseOpportunityCodeType.WON));
        assertEquals(new CloseOpportunityCode("WIN1", "Signed", CloseOpportunityCodeType.WON, 1L), created);
        assertEquals(created, service.get("Win1"));
        assertNull(service.create(code("PRICE", null, CloseOpportunityCodeType.LOST)).description());
    }

    @Test
    public void createRefusesATakenCode() {
        service.create(code("WIN1", "Signed", CloseOpportunityCodeType.WON));
        ConflictException e = assertThrows(ConflictException.class,
                () -> service.create(code("win1", "Again", CloseOpportunityCodeType.LOST)));
        assertEquals(List.of(new FieldError("code", "is taken by an existing close opportunity code")), e.errors());
    }

    @Test
    public void createReportsEveryInvalidField() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(
                new CloseOpportunityCode("ELEVEN-CHAR", "D".repeat(101), null, 1L)));
        assertEquals(List.of("code", "description", "type", "version"),
                e.errors().stream().map(FieldError::field).toList());
        assertThrows(ValidationException.class, () -> service.create(code(" ", null, CloseOpportunityCodeType.WON)));
        assertThrows(ValidationException.class, () -> service.create(code("A?B", null, CloseOpportunityCodeType.WON)));
    }

    @Test
    public void updateReplacesFieldsTypeIncluded() {
        service.create(code("PRICE", "Too expensive", CloseOpportunityCodeType.LOST));
        CloseOpportunityCode updated = service.update("price", code(null, "Price", CloseOpportunityCodeType.WON), 1L);
        assertEquals(new CloseOpportunityCode("PRICE", "Price", CloseOpportunityCodeType.WON, 2L), updated);
    }

    @Test
    public void updateChecksVersionKeyAndReadOnlyFields() {
        service.create(code("PRICE", "Too expensive", CloseOpportunityCodeType.LOST));
        service.update("PRICE", code(null, "Second", CloseOpportunityCodeType.LOST), 1L);
        assertThrows(StaleVersionException.class,
                () -> service.update("PRICE", code(null, "Third", CloseOpportunityCodeType.LOST), 1L));
        assertEquals("Second", service.get("PRICE").description());
        ValidationException e = assertThrows(ValidationException.class, () -> service.update("PRICE",
                new CloseOpportunityCode("OTHER", null, null, 1L), null));
        assertEquals(List.of(new FieldError("code", "is the key and cannot be changed (path says PRICE)"),
                new FieldError("version", "is owned by the server (current 2)"),
                new FieldError("type", "is required")), e.errors());
        assertThrows(NotFoundException.class,
                () -> service.update("NOPE", code(null, null, CloseOpportunityCodeType.WON), null));
    }

    @Test
    public void aCodeInUseCannotBeDeleted() {
        service.create(code("WIN1", "Signed", CloseOpportunityCodeType.WON));
        UsageCheck usedByEntries = key -> Optional.of("entry 4 of opportunity OP000001 was closed with " + key);
        service.addUsageCheck(usedByEntries);
        ConflictException e = assertThrows(ConflictException.class, () -> service.delete("win1", null));
        assertEquals("close opportunity code WIN1 cannot be deleted: entry 4 of opportunity OP000001 was closed"
                + " with WIN1", e.getMessage());
        assertTrue(service.find("WIN1").isPresent());

        service.removeUsageCheck(usedByEntries);
        assertThrows(StaleVersionException.class, () -> service.delete("WIN1", 2L));
        service.delete("WIN1", 1L);
        assertFalse(service.find("WIN1").isPresent());
        assertThrows(NotFoundException.class, () -> service.delete("WIN1", null));
    }

    @Test
    public void listFiltersByTypeAndTextSortsAndPages() {
        service.create(code("WIN1", "Signed", CloseOpportunityCodeType.WON));
        service.create(code("WIN2", "Signed after a trial", CloseOpportunityCodeType.WON));
        service.create(code("PRICE", "Too expensive", CloseOpportunityCodeType.LOST));
        service.create(code("LATE", "Signed elsewhere first", CloseOpportunityCodeType.LOST));

        assertEquals(List.of("LATE", "PRICE"),
                codes(service.list(new CloseOpportunityCodeQuery(null, CloseOpportunityCodeType.LOST),
                        PageRequest.first())));
        assertEquals(List.of("WIN2", "WIN1", "LATE"),
                codes(service.list(new CloseOpportunityCodeQuery("signed", null), PageRequest.of(0, 10, "-code"))));
        Page<CloseOpportunityCode> page = service.list(CloseOpportunityCodeQuery.ALL,
                PageRequest.of(1, 2, "type,code"));
        assertEquals(List.of("PRICE", "WIN1"), codes(page)); // LOST before WON, by name
        assertEquals(4, page.total());
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.list(CloseOpportunityCodeQuery.ALL, PageRequest.of(0, 10, "outcome")));
        assertEquals("sort", e.errors().get(0).field());
    }

    @Test
    public void requireOfTypeRefusesUnknownAndTheOtherType() {
        service.create(code("WIN1", "Signed", CloseOpportunityCodeType.WON));
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
            assertEquals("WIN", service.create(code("win", null, CloseOpportunityCodeType.WON)).code());
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
        service.create(code("WIN1", "Signed", CloseOpportunityCodeType.WON));
        assertEquals(Optional.empty(), service.find(" "));
        assertThrows(NotFoundException.class, () -> service.get(" "));
        assertThrows(NotFoundException.class,
                () -> service.update(" ", code(null, null, CloseOpportunityCodeType.WON), null));
        assertThrows(NotFoundException.class, () -> service.delete(" ", null));
        ValidationException missing = assertThrows(ValidationException.class,
                () -> service.requireOfType(" ", CloseOpportunityCodeType.WON, "closeCode"));
        assertEquals(List.of(new FieldError("closeCode", "is required")), missing.errors());
    }
}
