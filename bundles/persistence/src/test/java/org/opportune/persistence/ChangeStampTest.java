package org.opportune.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.junit.Test;
import org.opportune.api.caller.Caller;

public class ChangeStampTest {
    private final ThreadCallerContext callers = new ThreadCallerContext();

    /** A row without a version, as an opportunity's entry is. */
    private static final class Row extends StampedEntity {
    }

    @Test
    public void theTimeComesFromTheGivenClockToTheMicrosecond() {
        Instant at = Instant.parse("2026-01-10T12:00:00.123456789Z");
        Clock paris = Clock.fixed(at, ZoneId.of("Europe/Paris"));
        ChangeStamp stamp = callers.callAs(Caller.user("anna", Set.of()), () -> ChangeStamp.now(callers, paris));
        assertEquals("anna", stamp.by());
        assertEquals(Instant.parse("2026-01-10T12:00:00.123456Z"), stamp.at());
    }

    @Test
    public void withoutAClockTheTimeIsTheSystemsAndTheCallerTheServerWithoutABinding() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ChangeStamp stamp = ChangeStamp.now(callers);
        assertEquals(Caller.system().userName(), stamp.by());
        assertFalse(stamp.at().isBefore(before));
        assertFalse(stamp.at().isAfter(Instant.now()));
        assertEquals(stamp.at(), stamp.at().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    public void aRowWithoutAVersionIsStampedToo() {
        Row row = new Row();
        assertNull(row.changedBy());
        assertNull(row.changedAt());
        Instant at = Instant.parse("2026-01-10T12:00:00Z");
        ChangeStamp stamp = callers.callAs(Caller.user("ben", Set.of()),
                () -> ChangeStamp.now(callers, Clock.fixed(at, ZoneOffset.UTC)));
        assertSame(row, stamp.on(row));
        assertEquals("ben", row.changedBy());
        assertEquals(at, row.changedAt());
    }
}
