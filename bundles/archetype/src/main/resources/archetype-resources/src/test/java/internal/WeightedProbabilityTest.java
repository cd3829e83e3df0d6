package ${package}.internal;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;

import org.junit.Test;

public class WeightedProbabilityTest {
    private final WeightedProbability model = new WeightedProbability();

    @Test
    public void seventyPercentOfTheChancesAndThirtyOfTheCompleted() {
        // completed 60 %, chances 50 %: 0.7 × 50 + 0.3 × 60 = 53
        assertEquals(0, new BigDecimal("53").compareTo(model.probability(new BigDecimal("60"), new BigDecimal("50"))));
        assertEquals("WEIGHTED", model.name());
    }
}
