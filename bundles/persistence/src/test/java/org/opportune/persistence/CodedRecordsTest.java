package org.opportune.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.PageRequest;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UsageCheck;
import org.opportune.api.ValidationException;
import org.opportune.api.caller.Caller;

public class CodedRecordsTest {
    private static final Caller ANNA = Caller.user("anna", Set.of());
    private static final Caller BEN = Caller.user("ben", Set.of("sales-manager"));
    private static final Listing<ColourEntity> LISTING = new Listing<>(ColourEntity.class, Map.of("name", "name"),
            "code");

    private final ThreadCallerContext callers = new ThreadCallerContext();
    private EmbeddedDataSource dataSource;
    private JpaUnit jpa;
    private CodedRecords<ColourEntity, Colour> colours;
    private final UsageChecks usageChecks = new UsageChecks(refusal -> {
        throw new AssertionError("no check is refused here: " + refusal);
    });

    @Before
    public void start() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        jpa = new JpaUnit("opportune-persistence-test", dataSource, CodedRecordsTest.class.getClassLoader(), new SchemaMigrations());
        colours = new CodedRecords<>(jpa, callers, ColourEntity.class, "colour", 10, ColourEntity::new,
                (em, entity) -> entity.toView());
    }

    @After
    public void stop() {
        jpa.close();
    }

    /** Creates a colour named {@code name}; a name longer than 30 characters is a fault. */
    private Colour create(String code, String name) {
        return colours.create(code, violations -> {
            violations.requiredText("name", name, 30);
            return (em, entity, stamp) -> entity.name(name);
        });
    }

    private Colour rename(String code, String name, Long expectedVersion) {
        return colours.update(code, expectedVersion, violations -> (em, entity, stamp) -> entity.name(name));
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    public void createKeysTheRecordByTheNormalisedCodeAndStampsTheCallerAndTheTime() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Colour created = callers.callAs(ANNA, () -> create(" red ", "Red"));
        Instant after = Instant.now();

        assertEquals("RED", created.code());
        assertEquals(1L, created.version());
        assertEquals("anna", created.changedBy());
        assertFalse(created.changedAt().isBefore(before));
        assertFalse(created.changedAt().isAfter(after));
        assertEquals(created, colours.get("Red"));
        assertEquals(Optional.of(created), colours.find(" red"));
    }

    @Test
    public void withoutABoundCallerTheSystemIsTheOneWhoChanged() {
        assertEquals("system", create("RED", "Red").changedBy());
    }

    @Test
    public void createNamesTheCodesFaultFirstAndWritesNothing() {
        List<String> filled = new ArrayList<>();
        ValidationException e = assertThrows(ValidationException.class, () -> colours.create("TOO/LONG/CODE",
                violations -> {
                    violations.required("name", null);
                    return (em, entity, stamp) -> filled.add("filled");
                }));
        assertEquals(List.of("code", "code", "name"), fields(e));
        assertEquals(List.of(), filled);
        assertEquals(0, colours.list(LISTING, (cb, root) -> List.of(), PageRequest.first()).total());
        assertEquals(List.of("code"), fields(assertThrows(ValidationException.class, () -> create(" ", "Blank"))));
    }

    @Test
    public void createRefusesATakenCode() {
        create("RED", "Red");
        ConflictException e = assertThrows(ConflictException.class, () -> create("red", "Crimson"));
        assertEquals("colour RED exists already", e.getMessage());
        assertEquals(List.of(new FieldError("code", "is taken by an existing colour")), e.errors());
        assertEquals("Red", colours.get("RED").name());
    }

    @Test
    public void aChangeThatRefusesWritesNothing() {
        create("RED", "Red");
        assertThrows(ConflictException.class, () -> colours.create("BLUE", violations -> (em, entity, stamp) -> {
            throw new ConflictException("the name is taken");
        }));
        assertFalse(colours.find("BLUE").isPresent());
        assertThrows(ConflictException.class, () -> colours.update("RED", null, violations -> (em, entity, stamp) -> {
            entity.name("Scarlet");
            throw new ConflictException("the name is taken");
        }));
        assertEquals(create("BLUE", "Blue").version(), colours.get("RED").version());
        assertEquals("Red", colours.get("RED").name());
    }

    @Test
    public void updateChangesLocksAndStampsTheLaterCaller() {
        Colour created = callers.callAs(ANNA, () -> create("RED", "Red"));
        Colour updated = callers.callAs(BEN, () -> rename("red", "Scarlet", 1L));

        assertEquals("Scarlet", updated.name());
        assertEquals(2L, updated.version());
        assertEquals("ben", updated.changedBy());
        assertFalse(updated.changedAt().isBefore(created.changedAt()));
        assertEquals(updated, colours.get("RED"));
    }

    @Test
    public void anUpdateThatChangesNoValueKeepsTheVersionAndTheLastChange() {
        Colour created = callers.callAs(ANNA, () -> create("RED", "Red"));
        Colour same = callers.callAs(BEN, () -> rename("RED", "Red", 1L));
        assertEquals(created, same);
        assertEquals(created, colours.get("RED"));
    }

    @Test
    public void updateRefusesStaleUnknownAndBlank() {
        create("RED", "Red");
        rename("RED", "Scarlet", 1L);
        StaleVersionException stale = assertThrows(StaleVersionException.class, () -> rename("RED", "Crimson", 1L));
        assertTrue(stale.getMessage(), stale.getMessage().startsWith("colour RED was changed by someone else"));
        assertEquals("Scarlet", colours.get("RED").name());
        NotFoundException unknown = assertThrows(NotFoundException.class, () -> rename("NOPE", "x", null));
        assertEquals("colour NOPE does not exist", unknown.getMessage());
        assertThrows(NotFoundException.class, () -> rename(" ", "x", null));
        assertThrows(NotFoundException.class, () -> colours.get(" "));
        assertEquals(Optional.empty(), colours.find(null));
    }

    @Test
    public void updateNamesAMissingRecordBeforeFaultyValuesAndAppliesNoFaultyOne() {
        create("RED", "Red");
        List<String> applied = new ArrayList<>();
        CodedRecords.Check<ColourEntity> faulty = violations -> {
            violations.required("name", null);
            return (em, entity, stamp) -> applied.add(entity.toView().code());
        };
        assertThrows(NotFoundException.class, () -> colours.update("NOPE", null, faulty));
        assertEquals(List.of("name"), fields(assertThrows(ValidationException.class,
                () -> colours.update("RED", null, faulty))));
        assertEquals(List.of(), applied);
        assertEquals(1L, colours.get("RED").version());
    }

    @Test
    public void deleteAsksTheUsageChecksBeforeItsTransactionAndChecksTheVersion() {
        create("RED", "Red");
        List<String> asked = new ArrayList<>();
        usageChecks.add(key -> {
            asked.add(key);
            // the row is not locked yet: reading it on a connection of the check's own does not wait
            assertEquals("Red", colours.get(key).name());
            return key.equals("RED") && asked.size() == 1 ? Optional.of("a car is painted red") : Optional.empty();
        }, Map.of(UsageCheck.NAME_PROPERTY, "painted-cars"), null);

        ConflictException used = assertThrows(ConflictException.class, () -> colours.delete("red", null, usageChecks));
        assertEquals("colour RED cannot be deleted: a car is painted red", used.getMessage());
        assertThrows(StaleVersionException.class, () -> colours.delete("RED", 2L, usageChecks));
        assertTrue(colours.find("RED").isPresent());

        colours.delete("RED", 1L, usageChecks);
        assertFalse(colours.find("RED").isPresent());
        assertThrows(NotFoundException.class, () -> colours.delete(" ", null, usageChecks));
        assertEquals(List.of("RED", "RED", "RED"), asked); // a blank code is not asked about
    }

    @Test
    public void listPagesTheViewsTheFilterLetsThrough() {
        create("RED", "Red");
        create("ROSE", "Rose");
        create("BLUE", "Blue");
        assertEquals(List.of("ROSE", "RED"), colours.list(LISTING,
                (cb, root) -> List.of(Listing.containsIgnoreCase(cb, root, "r", "code")), PageRequest.of(0, 10, "-name"))
                .items().stream().map(Colour::code).toList());
    }

    /** The total is every match, whether the page was full (counted) or the end of the list (not counted). */
    @Test
    public void everyPageTellsTheTotalOfTheMatches() {
        for (String code : List.of("C1", "C2", "C3", "C4", "C5")) {
            create(code, "Colour " + code);
        }
        Listing.Filter<ColourEntity> all = (cb, root) -> List.of();
        assertEquals(List.of(5L, 5L, 5L, 5L, 5L), List.of(
                colours.list(LISTING, all, PageRequest.of(0, 2, "name")).total(),
                colours.list(LISTING, all, PageRequest.of(4, 2, "name")).total(),
                colours.list(LISTING, all, PageRequest.of(0, 5, "name")).total(),
                colours.list(LISTING, all, PageRequest.of(0, 50, "name")).total(),
                colours.list(LISTING, all, PageRequest.of(9, 2, "name")).total()));
        assertEquals(List.of("C5"), colours.list(LISTING, all, PageRequest.of(4, 2, "name")).items().stream()
                .map(Colour::code).toList());
        assertEquals(List.of(), colours.list(LISTING, all, PageRequest.of(9, 2, "name")).items());
        assertEquals(0L, colours.list(LISTING, (cb, root) -> List.of(Listing.containsIgnoreCase(cb, root, "x", "code")),
                PageRequest.of(0, 2, "name")).total());
    }

    @Test
    public void requireNamesTheFieldOfABlankOrUnknownCode() {
        Colour red = create("RED", "Red");
        assertEquals(red, colours.require("red", "colourCode", colours::find));
        assertEquals(List.of(new FieldError("colourCode", "is required")),
                assertThrows(ValidationException.class, () -> colours.require(" ", "colourCode", colours::find))
                        .errors());
        assertEquals(List.of(new FieldError("colourCode", "names colour NOPE, which does not exist")),
                assertThrows(ValidationException.class, () -> colours.require("nope", "colourCode", colours::find))
                        .errors());
    }

    @Test
    public void aRowWrittenBeforeTheColumnsExistedHasNoLastChangeUntilItChanges() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO TEST_COLOUR (CODE, NAME, VERSION) VALUES ('OLD', 'Old', 1)");
        }
        Colour old = colours.get("OLD");
        assertNull(old.changedBy());
        assertNull(old.changedAt());
        assertEquals("anna", callers.callAs(ANNA, () -> rename("OLD", "Older", 1L)).changedBy());
    }
}
