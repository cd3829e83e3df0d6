package ${package}.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.rule.ProposedMove;

public class MinimumValueRuleTest {
    private final MinimumValueRule rule = new MinimumValueRule();

    @Test
    public void refusesALowValueFromStageThreeOn() {
        Optional<String> refusal = rule.check(move(2, 3, "4999.99"));

        assertEquals(Optional.of("the estimated value must be at least 5000 from stage 3 on"), refusal);
    }

    @Test
    public void letsEnoughValueOrAnEarlierStagePass() {
        assertTrue(rule.check(move(2, 3, "5000")).isEmpty());
        assertTrue(rule.check(move(1, 2, "10")).isEmpty());
    }

    private static ProposedMove move(int from, int to, String estimatedValue) {
        return new ProposedMove(null, OpportunityAction.NEXT, ActionTaken.NEXT, stage(from), stage(to),
                List.of(stage(1), stage(2), stage(3)), LocalDate.of(2024, 2, 5), new BigDecimal(estimatedValue),
                new BigDecimal("50"), null, false);
    }

    private static SalesCycleStage stage(int stage) {
        return new Stage(stage, "Stage " + stage, BigDecimal.TEN, BigDecimal.TEN, null, false, false, null, 1, null,
                null);
    }

    /** A stage as a rule reads it: Opportune implements the view, a test implements it with a record like this. */
    private record Stage(int stage, String description, BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent,
            String activityCode, boolean quoteRequired, boolean allowSkip, String dateFormula, long version,
            String changedBy, Instant changedAt) implements SalesCycleStage {
    }
}
