package org.opportune.rest.internal.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.opportune.api.StaleVersionException;
import org.opportune.api.ValidationException;

public class IfMatchTest {

    @Test
    public void aStrongOrWeakETagNamesTheVersion() {
        assertEquals(Long.valueOf(3), IfMatch.parse("\"3\"").expectedVersion());
        assertEquals(Long.valueOf(3), IfMatch.parse("W/\"3\"").expectedVersion());
        assertEquals(Long.valueOf(12), IfMatch.parse("  \"12\" ").expectedVersion());
    }

    @Test
    public void absentOrStarChecksNoVersion() {
        IfMatch absent = IfMatch.parse(null);
        assertFalse(absent.present());
        assertNull(absent.expectedVersion());
        assertEquals(Long.valueOf(7), absent.expectedVersionOr(7L));

        IfMatch any = IfMatch.parse("*");
        assertTrue(any.present());
        assertNull(any.expectedVersion());
        assertEquals(Long.valueOf(7), any.expectedVersionOr(7L));

        assertEquals(Long.valueOf(2), IfMatch.parse("\"2\"").expectedVersionOr(7L));
    }

    @Test
    public void anythingElseIs400NamingTheHeader() {
        for (String malformed : new String[] { "3", "\"3", "W/3", "\"a\"", "\"3\", \"4\"", "w/\"3\"", "\"-1\"",
                "\"99999999999999999999\"" }) {
            ValidationException e = assertThrows(malformed, ValidationException.class, () -> IfMatch.parse(malformed));
            assertEquals("If-Match", e.errors().get(0).field());
        }
    }

    @Test
    public void aVersionOtherThanTheRecordsIsStaleAndNoneOrAnyIsNot() {
        StaleVersionException stale = assertThrows(StaleVersionException.class,
                () -> IfMatch.parse("\"2\"").requireCurrent(3, "salesperson", "JO"));

        assertEquals("salesperson JO was changed by someone else (now at version 3); read it again and retry",
                stale.getMessage());
        IfMatch.parse("\"3\"").requireCurrent(3, "salesperson", "JO");
        IfMatch.parse("*").requireCurrent(3, "salesperson", "JO");
        IfMatch.parse(null).requireCurrent(3, "salesperson", "JO");
    }
}
