package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;

import org.junit.Test;
import org.opportune.api.statistics.Figures;

/** Figures come out at the scale amounts are shown with, rounded once from the exact sums. */
public class SumsTest {

    private static Sums one(String estimatedValue, String calculatedCurrentValue) {
        return new Sums(1, new BigDecimal(estimatedValue), new BigDecimal(calculatedCurrentValue));
    }

    @Test
    public void aWholeSumComesBackWithTwoDecimals() {
        // as the database sums a DECIMAL(31,10) column
        Figures figures = new Sums(3, new BigDecimal("6000.0000000000"), new BigDecimal("1060.0000000000")).figures();
        assertEquals(new BigDecimal("6000.00"), figures.estimatedValue());
        assertEquals(new BigDecimal("1060.00"), figures.calculatedCurrentValue());
        assertEquals(3, figures.count());
    }

    @Test
    public void sumsAreRoundedOnceAfterAddingTheExactValues() {
        Sums sums = one("1", "0.333").plus(one("1", "0.333")).plus(one("1", "0.333"));
        assertEquals(new BigDecimal("1.00"), sums.figures().calculatedCurrentValue());
        assertEquals(new BigDecimal("3.00"), sums.figures().estimatedValue());
        assertEquals("rounding each value first would give 0.99", new BigDecimal("0.99"),
                Decimals.shownAmount(new BigDecimal("0.333")).multiply(BigDecimal.valueOf(3)));
    }

    @Test
    public void halfUp() {
        assertEquals(new BigDecimal("0.01"), one("0.01", "0.005").figures().calculatedCurrentValue());
        assertEquals(new BigDecimal("2.50"), one("2.495", "0").figures().estimatedValue());
    }

    @Test
    public void averagesDivideTheExactSumsAndAreRoundedOnce() {
        Sums sums = one("0.01", "0.0025").plus(one("0.01", "0.0025"));
        assertEquals(new BigDecimal("0.01"), sums.figures().calculatedCurrentValue());
        assertEquals("0.005 / 2, not the shown 0.01 / 2", new BigDecimal("0.00"), sums.averageCalculatedCurrentValue());
        assertEquals(new BigDecimal("0.01"), sums.averageEstimatedValue());
    }

    @Test
    public void nothingSumsToZeroAtTheShownScale() {
        assertEquals(new Figures(0, new BigDecimal("0.00"), new BigDecimal("0.00")), Sums.NONE.figures());
        assertEquals(Figures.NONE, Sums.NONE.figures());
        assertEquals(new BigDecimal("0.00"), Sums.NONE.averageEstimatedValue());
    }
}
