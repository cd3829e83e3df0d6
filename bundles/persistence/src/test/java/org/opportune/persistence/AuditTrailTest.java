package org.opportune.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.Test;

/** How a line of the audit log words a record and a change of it. */
public class AuditTrailTest {
    enum Kind { COMPANY, PERSON }

    record Stage(int stage, String description, BigDecimal completedPercent, long version) {
    }

    record Cycle(String code, String description, boolean blocked, Kind kind, List<Stage> stages, long version,
            String changedBy, Instant changedAt) {
    }

    private static final Stage LEAD = new Stage(1, "Lead", new BigDecimal("10"), 1);
    private static final Stage PROPOSAL = new Stage(2, "Proposal", new BigDecimal("1E+1"), 1);

    private static Cycle cycle(String description, List<Stage> stages) {
        return new Cycle("NEW", description, false, Kind.COMPANY, stages, 3, "anna", Instant.EPOCH);
    }

    @Test
    public void describeListsTheValuesButNotNullsEmptyListsTheVersionNorTheLastChange() {
        assertEquals("code: \"NEW\", blocked: false, kind: \"COMPANY\"", AuditTrail.describe(cycle(null, List.of())));
        assertEquals("code: \"NEW\", description: \"New\", blocked: false, kind: \"COMPANY\", stages: ["
                + "{stage: 1, description: \"Lead\", completedPercent: 10}, "
                + "{stage: 2, description: \"Proposal\", completedPercent: 10}]",
                AuditTrail.describe(cycle("New", List.of(LEAD, PROPOSAL))));
    }

    @Test
    public void differenceNamesEachChangedValueAsItWasAndAsItIs() {
        assertEquals("description: null → \"New\"", AuditTrail.difference(cycle(null, List.of()),
                cycle("New", List.of())));
        assertEquals("", AuditTrail.difference(cycle("New", List.of(LEAD)),
                new Cycle("NEW", "New", false, Kind.COMPANY, List.of(LEAD), 4, "ben", Instant.now())));
    }

    @Test
    public void differenceComparesAListOfRecordsItemByItem() {
        Stage leadChanged = new Stage(1, "Lead", new BigDecimal("15"), 2);
        Stage won = new Stage(3, "Won", BigDecimal.ZERO, 1);
        assertEquals("description: \"Old\" → \"New\", stages[1]: {completedPercent: 10 → 15}, "
                + "stages[3] added: {stage: 3, description: \"Won\", completedPercent: 0}, "
                + "stages[2] deleted: {stage: 2, description: \"Proposal\", completedPercent: 10}",
                AuditTrail.difference(cycle("Old", List.of(LEAD, PROPOSAL)),
                        cycle("New", List.of(leadChanged, won))));
    }

    @Test
    public void itemsSharingAKeyAreComparedAsWholeLists() {
        Stage again = new Stage(1, "Again", BigDecimal.ONE, 1);
        assertEquals("stages: [{stage: 1, description: \"Lead\", completedPercent: 10}] → "
                + "[{stage: 1, description: \"Lead\", completedPercent: 10}, "
                + "{stage: 1, description: \"Again\", completedPercent: 1}]",
                AuditTrail.difference(cycle(null, List.of(LEAD)), cycle(null, List.of(LEAD, again))));
    }

    @Test
    public void onlyRecordsAreSummarised() {
        assertThrows(IllegalArgumentException.class, () -> AuditTrail.describe("not a record"));
        assertThrows(IllegalArgumentException.class, () -> AuditTrail.difference(null, LEAD));
    }
}
