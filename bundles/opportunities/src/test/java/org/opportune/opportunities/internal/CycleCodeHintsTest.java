package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.Test;

public class CycleCodeHintsTest {
    private final Map<String, String> database = new HashMap<>();
    private int reads;
    private final CycleCodeHints hints = new CycleCodeHints(no -> {
        reads++;
        return database.get(no);
    });

    @Test
    public void aConfirmedHintSavesTheNextRead() {
        database.put("OP1", "STD");
        assertEquals("STD", hints.of("OP1"));
        assertTrue(hints.confirm("OP1", "STD", "STD"));
        assertEquals("STD", hints.of("OP1"));
        assertEquals(1, reads);
    }

    @Test
    public void aWrongHintIsReportedAndCorrected() {
        database.put("OP1", "STD");
        hints.confirm("OP1", null, "OLD");
        assertEquals("OLD", hints.of("OP1"));
        assertFalse("the move must read again", hints.confirm("OP1", "OLD", "STD"));
        assertEquals("STD", hints.of("OP1"));
        assertEquals(0, reads);
    }

    @Test
    public void aGoneOpportunityLosesItsHint() {
        hints.confirm("OP1", null, "STD");
        hints.confirm("OP1", "STD", null);
        assertEquals(null, hints.of("OP1"));
        assertEquals(1, reads);
    }

    @Test
    public void hintsStartOverAtTheBound() {
        for (int i = 0; i < CycleCodeHints.MAX_HINTS; i++) {
            hints.confirm("OP" + i, null, "STD");
        }
        hints.confirm("NEW", null, "STD");
        database.put("OP1", "STD");
        assertEquals("STD", hints.of("OP1"));
        assertEquals("forgotten, read again", 1, reads);
        assertEquals("STD", hints.of("NEW"));
        assertEquals(1, reads);
    }
}
