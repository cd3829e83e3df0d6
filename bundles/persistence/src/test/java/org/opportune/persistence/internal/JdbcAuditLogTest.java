package org.opportune.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opportune.api.AccessDeniedException;
import org.opportune.api.FieldError;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.ValidationException;
import org.opportune.api.audit.AuditAction;
import org.opportune.api.audit.AuditQuery;
import org.opportune.api.audit.AuditRecord;
import org.opportune.api.caller.Caller;
import org.opportune.persistence.AuditTrail;
import org.opportune.persistence.ChangeStamp;
import org.opportune.persistence.JpaUnit;
import org.opportune.persistence.SchemaMigrations;
import org.opportune.persistence.ThreadCallerContext;

/** The audit log as opportune-admin reads it, on an embedded Derby. */
public class JdbcAuditLogTest {
    private static final Caller ADMIN = Caller.user("root", Set.of("opportune-admin"));
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private record Colour(String code, String name) {
    }

    private final ThreadCallerContext callers = new ThreadCallerContext();
    private EmbeddedDataSource dataSource;
    private JdbcAuditLog log;
    private JpaUnit jpa;

    @Before
    public void start() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        // first, on the empty database: the reader makes sure the table exists
        log = new JdbcAuditLog(dataSource, callers, new SchemaMigrations());
        jpa = new JpaUnit("opportune-persistence-test", dataSource, JdbcAuditLogTest.class.getClassLoader(),
                new SchemaMigrations());
    }

    @After
    public void stop() {
        jpa.close();
    }

    /** Writes one line as {@code user}, {@code minutes} after T0. */
    private void write(String user, int minutes, AuditAction action, String entity, String key) {
        callers.runAs(Caller.user(user, Set.of()), () -> jpa.run(em -> {
            ChangeStamp stamp = ChangeStamp.now(callers,
                    Clock.fixed(T0.plusSeconds(60L * minutes), ZoneOffset.UTC));
            Colour colour = new Colour(key, "Red");
            switch (action) {
                case CREATE -> AuditTrail.created(em, stamp, entity, key, colour);
                case UPDATE -> AuditTrail.changed(em, stamp, entity, key, colour, new Colour(key, "Scarlet"));
                case DELETE -> AuditTrail.deleted(em, stamp, entity, key, colour);
            }
        }));
    }

    private void writeSome() {
        write("anna", 0, AuditAction.CREATE, "colour", "RED");
        write("ben", 1, AuditAction.UPDATE, "colour", "RED");
        write("anna", 2, AuditAction.CREATE, "contact", "CT000001");
        write("ben", 2, AuditAction.DELETE, "colour", "RED");
    }

    private Page<AuditRecord> find(AuditQuery query, PageRequest page) {
        return callers.callAs(ADMIN, () -> log.find(query, page));
    }

    private static List<String> keys(Page<AuditRecord> page) {
        return page.items().stream().map(line -> line.userName() + " " + line.action() + " " + line.entity() + " "
                + line.key()).toList();
    }

    @Test
    public void theNewestLineComesFirstWithEverythingItSays() {
        writeSome();
        Page<AuditRecord> all = find(AuditQuery.all(), PageRequest.first());
        assertEquals(4, all.total());
        assertEquals(List.of("ben DELETE colour RED", "anna CREATE contact CT000001", "ben UPDATE colour RED",
                "anna CREATE colour RED"), keys(all));
        AuditRecord changed = all.items().get(2);
        assertEquals(T0.plusSeconds(60), changed.at());
        assertEquals("name: \"Red\" → \"Scarlet\"", changed.summary());
        assertEquals("code: \"RED\", name: \"Red\"", all.items().get(3).summary());
        // ids ascend in the order of writing
        assertEquals(all.items().get(3).id() + 1, changed.id());
    }

    @Test
    public void filtersMatchExactlyAndTheTimeRangeIncludesFromButNotTo() {
        writeSome();
        assertEquals(List.of("ben DELETE colour RED", "ben UPDATE colour RED", "anna CREATE colour RED"),
                keys(find(new AuditQuery("colour", "RED", null, null, null), PageRequest.first())));
        assertEquals(List.of(), keys(find(new AuditQuery("colour", "red", null, null, null), PageRequest.first())));
        assertEquals(List.of("anna CREATE contact CT000001", "anna CREATE colour RED"),
                keys(find(new AuditQuery(null, null, "anna", null, null), PageRequest.first())));
        assertEquals(List.of("ben DELETE colour RED", "anna CREATE contact CT000001", "ben UPDATE colour RED"),
                keys(find(new AuditQuery(null, null, null, T0.plusSeconds(60), T0.plusSeconds(121)),
                        PageRequest.first())));
        assertEquals(List.of("ben UPDATE colour RED"), keys(find(
                new AuditQuery(null, null, null, T0.plusSeconds(60), T0.plusSeconds(120)), PageRequest.first())));
        assertEquals(List.of("anna CREATE colour RED"), keys(find(
                new AuditQuery(" ", "", null, null, T0.plusSeconds(60)), PageRequest.first())));
    }

    @Test
    public void pagesCountEveryMatchingLine() {
        writeSome();
        Page<AuditRecord> second = find(AuditQuery.all(), PageRequest.of(1, 2, null));
        assertEquals(4, second.total());
        assertEquals(1, second.offset());
        assertEquals(2, second.limit());
        assertEquals(List.of("anna CREATE contact CT000001", "ben UPDATE colour RED"), keys(second));
        Page<AuditRecord> beyond = find(AuditQuery.all(), PageRequest.of(10, 2, null));
        assertEquals(4, beyond.total());
        assertEquals(List.of(), beyond.items());
    }

    @Test
    public void sortFieldsAreTheApisAndTheLineNumberBreaksTies() {
        writeSome();
        assertEquals(List.of("anna CREATE colour RED", "ben UPDATE colour RED", "anna CREATE contact CT000001",
                "ben DELETE colour RED"), keys(find(AuditQuery.all(), PageRequest.of(0, 10, "at"))));
        assertEquals(List.of("anna CREATE contact CT000001", "anna CREATE colour RED", "ben DELETE colour RED",
                "ben UPDATE colour RED"), keys(find(AuditQuery.all(), PageRequest.of(0, 10, "userName"))));
        assertEquals(List.of("anna CREATE colour RED", "ben DELETE colour RED", "ben UPDATE colour RED",
                "anna CREATE contact CT000001"), keys(find(AuditQuery.all(), PageRequest.of(0, 10, "-key,action"))));
    }

    @Test
    public void anUnknownSortFieldIsAFaultOfSort() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> find(AuditQuery.all(), PageRequest.of(0, 10, "at,summary")));
        assertEquals(List.of(new FieldError("sort",
                "unknown sort field 'summary'; sortable: at, userName, action, entity, key")), e.errors());
    }

    @Test
    public void aRangeEndingBeforeItStartsIsAFaultOfTo() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> find(new AuditQuery(null, null, null, T0, T0.minusSeconds(1)), PageRequest.first()));
        assertEquals("to", e.errors().get(0).field());
    }

    @Test
    public void onlyAnAdminOrTheServerReadsTheLog() {
        writeSome();
        assertEquals(4, log.find(null, null).total()); // no caller bound: the server
        for (String role : List.of("sales-manager", "salesperson", "sales-viewer", "admin")) {
            AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> callers.callAs(
                    Caller.user("eve", Set.of(role)), () -> log.find(AuditQuery.all(), PageRequest.first())));
            assertEquals(List.of("opportune-admin"), e.requiredRoles());
        }
        assertThrows(AccessDeniedException.class, () -> callers.callAs(Caller.user("eve", Set.of()),
                () -> log.find(AuditQuery.all(), PageRequest.first())));
    }
}
