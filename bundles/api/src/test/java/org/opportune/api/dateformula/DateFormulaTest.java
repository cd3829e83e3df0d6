package org.opportune.api.dateformula;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.Test;
import org.opportune.api.FieldError;
import org.opportune.api.ValidationException;

public class DateFormulaTest {

    private static void assertApplies(String formula, String from, String expected) {
        assertEquals(formula + " on " + from, LocalDate.parse(expected),
                DateFormula.parse(formula).apply(LocalDate.parse(from)));
    }

    private static String refusal(String formula) {
        ValidationException e = assertThrows(ValidationException.class, () -> DateFormula.parse(formula, "f"));
        assertEquals(1, e.errors().size());
        assertEquals("f", e.errors().get(0).field());
        return e.errors().get(0).message();
    }

    private static void assertRefused(String formula, String expectedDetail) {
        String message = refusal(formula);
        assertTrue(message, message.startsWith("'" + formula + "' is not a valid date formula: "));
        assertTrue(message, message.contains(expectedDetail));
    }

    // --- empty formulas

    @Test
    public void nullEmptyAndBlankLeaveTheDateUnchanged() {
        for (String text : new String[] {null, "", "   ", "\t\n"}) {
            DateFormula formula = DateFormula.parse(text);
            assertSame(DateFormula.EMPTY, formula);
            assertTrue(formula.isEmpty());
            assertEquals("", formula.toString());
            assertEquals(LocalDate.of(2024, 2, 29), formula.apply(LocalDate.of(2024, 2, 29)));
        }
        assertFalse(DateFormula.parse("0D").isEmpty());
    }

    // --- counted terms

    @Test
    public void daysWeeksMonthsQuartersYears() {
        assertApplies("5D", "2024-01-10", "2024-01-15");
        assertApplies("1W", "2024-01-10", "2024-01-17");
        assertApplies("2M", "2024-01-10", "2024-03-10");
        assertApplies("1Q", "2024-01-10", "2024-04-10");
        assertApplies("1Y", "2024-01-10", "2025-01-10");
        assertApplies("0D", "2024-01-10", "2024-01-10");
        assertApplies("30D", "2024-02-15", "2024-03-16");
        assertApplies("9999D", "2024-01-01", "2051-05-18");
    }

    @Test
    public void negativeTermsMoveBack() {
        assertApplies("-1D", "2024-03-01", "2024-02-29");
        assertApplies("-2W", "2024-01-10", "2023-12-27");
        assertApplies("-1M", "2024-01-15", "2023-12-15");
        assertApplies("-1Q", "2024-02-15", "2023-11-15");
        assertApplies("-1Y", "2024-01-10", "2023-01-10");
        assertApplies("-9999Y", "9999-12-31", "0000-12-31");
    }

    @Test
    public void addingMonthsIsCappedAtTheMonthsEnd() {
        assertApplies("1M", "2023-01-31", "2023-02-28");
        assertApplies("1M", "2024-01-31", "2024-02-29"); // leap year
        assertApplies("1M", "2100-01-31", "2100-02-28"); // divisible by 100: no leap year
        assertApplies("1M", "2000-01-31", "2000-02-29"); // divisible by 400: leap year
        assertApplies("1M", "2024-03-31", "2024-04-30");
        assertApplies("-1M", "2024-03-31", "2024-02-29");
        assertApplies("-1M", "2023-03-30", "2023-02-28");
        assertApplies("1M", "2024-02-29", "2024-03-29"); // the day is kept, not moved to the end
        assertApplies("12M", "2024-02-29", "2025-02-28");
    }

    @Test
    public void quartersAreThreeMonthsInOneStep() {
        assertApplies("1Q", "2023-11-30", "2024-02-29");
        assertApplies("1Q", "2024-03-31", "2024-06-30");
        assertApplies("1Q", "2024-05-31", "2024-08-31");
        assertApplies("2Q", "2024-08-31", "2025-02-28");
        assertApplies("-1Q", "2024-05-31", "2024-02-29");
        // three single months cap at each step: Nov 30 → Dec 30 → Jan 30 → Feb 29
        assertApplies("1M+1M+1M", "2023-11-30", "2024-02-29");
        assertApplies("1M+1M+1M", "2024-01-31", "2024-04-29");
        assertApplies("1Q", "2024-01-31", "2024-04-30");
    }

    @Test
    public void yearsFromTheTwentyNinthOfFebruary() {
        assertApplies("1Y", "2024-02-29", "2025-02-28");
        assertApplies("-1Y", "2024-02-29", "2023-02-28");
        assertApplies("4Y", "2024-02-29", "2028-02-29");
        assertApplies("100Y", "2000-02-29", "2100-02-28");
        assertApplies("1Y-1Y", "2024-02-29", "2024-02-28"); // left to right, capped on the way
    }

    // --- end of the current period

    @Test
    public void currentWeekEndsOnSunday() {
        assertApplies("CW", "2024-01-10", "2024-01-14"); // Wednesday
        assertApplies("CW", "2024-01-08", "2024-01-14"); // Monday
        assertApplies("CW", "2024-01-14", "2024-01-14"); // Sunday stays
        assertApplies("CW", "2024-12-30", "2025-01-05"); // the ISO week crosses the year
        assertApplies("CW", "2024-02-26", "2024-03-03");
    }

    @Test
    public void currentMonthEnds() {
        assertApplies("CM", "2024-02-10", "2024-02-29");
        assertApplies("CM", "2023-02-10", "2023-02-28");
        assertApplies("CM", "2024-04-01", "2024-04-30");
        assertApplies("CM", "2024-12-31", "2024-12-31");
    }

    @Test
    public void currentQuarterEndsWithTheCalendarQuarter() {
        assertApplies("CQ", "2024-01-01", "2024-03-31");
        assertApplies("CQ", "2024-02-29", "2024-03-31");
        assertApplies("CQ", "2024-03-31", "2024-03-31");
        assertApplies("CQ", "2024-04-01", "2024-06-30");
        assertApplies("CQ", "2024-05-31", "2024-06-30");
        assertApplies("CQ", "2024-08-31", "2024-09-30");
        assertApplies("CQ", "2024-10-31", "2024-12-31");
        assertApplies("CQ", "2024-11-30", "2024-12-31");
    }

    @Test
    public void currentYearEndsOnTheThirtyFirstOfDecember() {
        assertApplies("CY", "2024-01-01", "2024-12-31");
        assertApplies("CY", "2024-12-31", "2024-12-31");
    }

    // --- chains

    @Test
    public void termsApplyLeftToRight() {
        assertApplies("1M+CM", "2024-01-15", "2024-02-29"); // the last day of next month
        assertApplies("1M+CM", "2024-01-31", "2024-02-29");
        assertApplies("1M+CM", "2022-04-20", "2022-05-31");
        assertApplies("CM+10D", "2021-11-05", "2021-12-10");
        assertApplies("10D+CM", "2021-11-05", "2021-11-30"); // not the same as CM+10D
        assertApplies("CM+1D-1M", "2024-03-15", "2024-03-01"); // the first day of the month
        assertApplies("CY+1D-1Y", "2024-07-04", "2024-01-01");
        assertApplies("CW+1D-1W", "2024-01-10", "2024-01-08"); // the Monday of the week
        assertApplies("CQ+1D-1Q", "2024-05-20", "2024-04-01");
        assertApplies("-1M+CM", "2024-03-31", "2024-02-29"); // the end of last month
        assertApplies("1Q+1M+CM", "2022-04-20", "2022-08-31");
        assertApplies("1Y+CQ-5D", "2023-11-02", "2024-12-26");
        assertApplies("CM+CM", "2024-01-10", "2024-01-31");
        assertApplies("1D-1D", "2024-01-10", "2024-01-10");
    }

    // --- canonical text

    @Test
    public void canonicalTextIsUpperCaseWithoutBlanksSignsOrLeadingZeros() {
        assertEquals("1M+CM", DateFormula.parse(" 1m + cm ").toString());
        assertEquals("5D", DateFormula.parse("+5d").toString());
        assertEquals("5D", DateFormula.parse("005D").toString());
        assertEquals("0D", DateFormula.parse("000d").toString());
        assertEquals("-1D", DateFormula.parse("- 1 d").toString());
        assertEquals("1M-2D+3W", DateFormula.parse("1M\t-2D\n+3W").toString());
        assertEquals("CW", DateFormula.parse("c w").toString());
        assertEquals("CM", DateFormula.parse("+CM").toString());
        assertEquals("CQ+1Y", DateFormula.parse("cq+1y").toString());
        assertEquals("9999Y", DateFormula.parse("0009999Y").toString());
    }

    @Test
    public void canonicalTextParsesToAnEqualFormula() {
        for (String text : List.of("5D", "-1D", "1M+CM", "CM+10D", "-1M+CM", "1Q+1M+CM-1D", "CW", "CQ", "CY")) {
            DateFormula formula = DateFormula.parse(text);
            assertEquals(text, formula.toString());
            assertEquals(formula, DateFormula.parse(formula.toString()));
        }
    }

    @Test
    public void formulasWithTheSameCanonicalTextAreEqual() {
        DateFormula a = DateFormula.parse("1m + cm");
        DateFormula b = DateFormula.parse("+1M+CM");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(DateFormula.parse("CM+1M"), a);
        assertNotEquals(DateFormula.parse("3M"), DateFormula.parse("1Q"));
        assertEquals(DateFormula.EMPTY, DateFormula.parse(""));
        assertFalse(a.equals("1M+CM"));
    }

    @Test
    public void applyNeedsADate() {
        assertThrows(NullPointerException.class, () -> DateFormula.parse("1D").apply(null));
    }

    // --- refusals: each one names the field and says what is wrong where

    @Test
    public void parseNamesTheDefaultOrTheGivenField() {
        ValidationException byDefault = assertThrows(ValidationException.class, () -> DateFormula.parse("5X"));
        assertEquals("dateFormula", byDefault.errors().get(0).field());
        ValidationException named = assertThrows(ValidationException.class,
                () -> DateFormula.parse("5X", "stages[1].dateFormula"));
        assertEquals(List.of(new FieldError("stages[1].dateFormula", "'5X' is not a valid date formula: 'X' at"
                + " position 2 is not a unit; use D (days), W (weeks), M (months), Q (quarters) or Y (years)")),
                named.errors());
        assertTrue(named.getMessage(), named.getMessage().startsWith("stages[1].dateFormula '5X' is not"));
    }

    @Test
    public void aCountNeedsAUnit() {
        assertRefused("5", "the count 5 at position 1 has no unit; add D (days)");
        assertRefused("1M+5", "the count 5 at position 4 has no unit");
        assertRefused("5X", "'X' at position 2 is not a unit");
        assertRefused("1.5D", "'.' at position 2 is not a unit");
        assertRefused("1 5D", "'5' at position 3 is not a unit");
        assertRefused("5DAYS", "'A' at position 3 must be + or - to join the next term");
    }

    @Test
    public void aUnitNeedsACount() {
        assertRefused("D", "the unit D at position 1 needs a count in front, e.g. 1D");
        assertRefused("M+CM", "the unit M at position 1 needs a count in front, e.g. 1M");
        assertRefused("1M+Q", "the unit Q at position 4 needs a count in front, e.g. 1Q");
        assertRefused("-y", "the unit Y at position 2 needs a count in front, e.g. 1Y");
        // NAV's weekday and day-of-month terms are not part of our formulas
        assertRefused("WD1", "the unit W at position 1 needs a count in front");
        assertRefused("D10", "the unit D at position 1 needs a count in front");
    }

    @Test
    public void cNeedsWeekMonthQuarterOrYear() {
        assertRefused("C", "C at position 1 must be followed by W, M, Q or Y");
        assertRefused("CD", "C at position 1 must be followed by W, M, Q or Y");
        assertRefused("1D+CX", "C at position 4 must be followed by W, M, Q or Y");
        assertRefused("C5", "C at position 1 must be followed by W, M, Q or Y");
    }

    @Test
    public void cTermsTakeNoMinusSign() {
        assertRefused("-CM", "-CM at position 1 is not supported: CM moves to the end of the current period and"
                + " takes no minus sign (for the first day of the period write CM+1D-1M)");
        assertRefused("1M-CM", "-CM at position 3 is not supported");
        assertRefused("-1M-CM", "-CM at position 4 is not supported");
        assertRefused("-cy", "write CY+1D-1Y");
        assertRefused("- CW", "-CW at position 1 is not supported");
        assertRefused("1D-CQ", "write CQ+1D-1Q");
    }

    @Test
    public void termsMustBeJoinedBySigns() {
        assertRefused("1D 2D", "'2' at position 4 must be + or - to join the next term");
        assertRefused("1DCM", "'C' at position 3 must be + or - to join the next term");
        assertRefused("CMCM", "'C' at position 3 must be + or - to join the next term");
        assertRefused("1D+", "it ends with '+' at position 3; a term must follow, e.g. +1D");
        assertRefused("1D - ", "it ends with '-' at position 4; a term must follow");
        assertRefused("+", "it ends with '+' at position 1");
        assertRefused("++1D", "'+' at position 2 is not allowed");
        assertRefused("1D+-1D", "'-' at position 4 is not allowed");
    }

    @Test
    public void otherCharactersAreRefused() {
        assertRefused("<1M>", "'<' at position 1 is not allowed; a term is a count and a unit");
        assertRefused("1M>", "'>' at position 3 must be + or -");
        assertRefused("today", "'t' at position 1 is not allowed");
        assertRefused("１D", "'１' at position 1 is not allowed"); // a full-width digit is not a count
    }

    @Test
    public void countsAreAtMost9999() {
        assertEquals("9999D", DateFormula.parse("9999D").toString());
        assertRefused("10000D", "the count 10000 at position 1 is too large (at most 9999)");
        assertRefused("1D+99999999999999999999M", "the count 99999999999999999999 at position 4 is too large");
    }
}
