package org.opportune.cycles.internal.probability;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;

import org.junit.Test;
import org.opportune.api.probability.ProbabilityModel;

/** The four NAV calculations of DOMAIN §4.3, with the figures of the worked example (§9). */
public class BuiltInProbabilityModelsTest {

    private static void assertProbability(String expected, ProbabilityModel model, String completed, String chances) {
        BigDecimal actual = model.probability(new BigDecimal(completed), new BigDecimal(chances));
        assertEquals(model.name() + "(" + completed + ", " + chances + ") = " + actual, 0,
                new BigDecimal(expected).compareTo(actual));
    }

    @Test
    public void multiplyIsChancesTimesCompletedOverHundred() {
        ProbabilityModel model = new MultiplyProbabilityModel();
        assertEquals("MULTIPLY", model.name());
        assertProbability("2.5", model, "10", "25");
        assertProbability("12", model, "30", "40");
        assertProbability("33", model, "60", "55");
        assertProbability("100", model, "100", "100");
        assertProbability("0", model, "0", "80");
        assertProbability("0.0001", model, "0.01", "1"); // not rounded
        assertProbability("11.11109888889", model, "33.3333", "33.33333");
    }

    @Test
    public void addIsTheAverage() {
        ProbabilityModel model = new AddProbabilityModel();
        assertEquals("ADD", model.name());
        assertProbability("17.5", model, "10", "25");
        assertProbability("35", model, "30", "40");
        assertProbability("0.005", model, "0.01", "0"); // not rounded
        assertProbability("100", model, "100", "100");
    }

    @Test
    public void chancesOfSuccessAndCompletedTakeOneSide() {
        ProbabilityModel chances = new ChancesOfSuccessProbabilityModel();
        ProbabilityModel completed = new CompletedProbabilityModel();
        assertEquals("CHANCES_OF_SUCCESS", chances.name());
        assertEquals("COMPLETED", completed.name());
        assertProbability("25", chances, "10", "25");
        assertProbability("10", completed, "10", "25");
        assertProbability("33.33333", chances, "1", "33.33333");
        assertProbability("66.66667", completed, "66.66667", "1");
    }

    @Test
    public void everyModelDescribesItself() {
        assertEquals("chances of success × completed / 100", new MultiplyProbabilityModel().description());
        assertEquals("(chances of success + completed) / 2", new AddProbabilityModel().description());
        assertEquals("the chances of success as they are", new ChancesOfSuccessProbabilityModel().description());
        assertEquals("the completed % of the stage as it is", new CompletedProbabilityModel().description());
    }
}
