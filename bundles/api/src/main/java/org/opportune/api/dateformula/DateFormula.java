package org.opportune.api.dateformula;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.opportune.api.ValidationException;

/**
 * A date formula (DOMAIN §7), NAV style: one or more terms joined by {@code +} or {@code -},
 * applied to a date from left to right.
 * <ul>
 * <li>A count and a unit moves the date: {@code 5D} days, {@code 1W} weeks, {@code 2M} months,
 * {@code 1Q} quarters (3 months), {@code 1Y} years; {@code -1D} moves back. Adding months, quarters
 * or years keeps the day of the month, capped at the month's end (Jan 31 + {@code 1M} = Feb 28, or
 * Feb 29 in a leap year; Feb 29 + {@code 1Y} = Feb 28).</li>
 * <li>{@code C} and a unit moves to the end of the current period: {@code CW} the Sunday that ends
 * the ISO week (weeks run Monday to Sunday, as in NAV), {@code CM} the last day of the month,
 * {@code CQ} the last day of the calendar quarter (Mar 31, Jun 30, Sep 30, Dec 31), {@code CY}
 * Dec 31. A {@code C} term takes no minus sign: {@code -CM} is refused (write {@code CM+1D-1M} for
 * the first day of the month).</li>
 * </ul>
 * Examples: {@code 1M+CM} is the last day of next month, {@code CM+10D} the 10th of next month.
 * Letters may be given in lower case and blanks between terms are ignored; {@link #toString()}
 * gives the canonical text (upper case, no blanks, no leading {@code +}, no leading zeros), which
 * is what should be stored. An empty formula leaves the date unchanged.
 * <p>
 * Instances are immutable and equal when their canonical texts are.
 */
public final class DateFormula {
    /** The field named in errors by {@link #parse(String)}. */
    public static final String DEFAULT_FIELD = "dateFormula";
    /** The largest count a term may have. */
    public static final int MAX_COUNT = 9999;
    /** The formula that leaves a date unchanged; its text is empty. */
    public static final DateFormula EMPTY = new DateFormula(List.of());

    private final List<Term> terms;
    private final String text;

    private DateFormula(List<Term> terms) {
        this.terms = List.copyOf(terms);
        StringBuilder canonical = new StringBuilder();
        for (Term term : this.terms) {
            term.appendTo(canonical, canonical.length() == 0);
        }
        this.text = canonical.toString();
    }

    /**
     * Like {@link #parse(String, String)}, naming the field {@value #DEFAULT_FIELD} in errors.
     */
    public static DateFormula parse(String text) {
        return parse(text, DEFAULT_FIELD);
    }

    /**
     * Reads a formula; null, empty or blank text gives {@link #EMPTY}.
     *
     * @param field the field to name in the error, as the client sent it (e.g. {@code stages[1].dateFormula})
     * @throws ValidationException the text is not a formula; the message says what is wrong and where
     */
    public static DateFormula parse(String text, String field) {
        Objects.requireNonNull(field, "field");
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        return new DateFormula(new Parser(text, field).terms());
    }

    /**
     * @param date the date to start from
     * @return the date moved by every term, left to right
     */
    public LocalDate apply(LocalDate date) {
        LocalDate result = Objects.requireNonNull(date, "date");
        for (Term term : terms) {
            result = term.apply(result);
        }
        return result;
    }

    /** @return true when the formula has no terms and leaves dates unchanged */
    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** @return the canonical text, e.g. {@code 1M+CM}; empty for {@link #EMPTY} */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DateFormula formula && formula.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    private enum Unit {
        DAY('D'), WEEK('W'), MONTH('M'), QUARTER('Q'), YEAR('Y');

        private final char letter;

        Unit(char letter) {
            this.letter = letter;
        }

        static Unit of(char letter) {
            for (Unit unit : values()) {
                if (unit.letter == letter) {
                    return unit;
                }
            }
            return null;
        }
    }

    /** A count of units ({@code current} false) or the end of the current unit ({@code current} true). */
    private record Term(int count, Unit unit, boolean current) {

        LocalDate apply(LocalDate date) {
            return current ? endOfCurrent(date) : moved(date);
        }

        private LocalDate moved(LocalDate date) {
            return switch (unit) {
                case DAY -> date.plusDays(count);
                case WEEK -> date.plusWeeks(count);
                case MONTH -> date.plusMonths(count);
                // one step of 3n months, not n steps of 3: Nov 30 + 1Q = Feb 28/29, like 3M
                case QUARTER -> date.plusMonths(3L * count);
                case YEAR -> date.plusYears(count);
            };
        }

        private LocalDate endOfCurrent(LocalDate date) {
            return switch (unit) {
                case WEEK -> date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                case MONTH -> date.with(TemporalAdjusters.lastDayOfMonth());
                case QUARTER -> date.withDayOfMonth(1).withMonth((date.getMonthValue() - 1) / 3 * 3 + 3)
                        .with(TemporalAdjusters.lastDayOfMonth());
                case YEAR -> date.with(TemporalAdjusters.lastDayOfYear());
                case DAY -> throw new IllegalStateException("CD is never parsed");
            };
        }

        void appendTo(StringBuilder text, boolean first) {
            if (count < 0) {
                text.append('-');
            } else if (!first) {
                text.append('+');
            }
            if (current) {
                text.append('C');
            } else {
                text.append(Math.abs(count));
            }
            text.append(unit.letter);
        }
    }

    /** Reads the terms of a formula, refusing anything else with the position at fault. */
    private static final class Parser {
        private static final String UNITS = "D (days), W (weeks), M (months), Q (quarters) or Y (years)";

        private final String text;
        private final String field;
        private int pos;

        Parser(String text, String field) {
            this.text = text;
            this.field = field;
        }

        List<Term> terms() {
            List<Term> terms = new ArrayList<>();
            skipBlanks();
            while (!atEnd()) {
                char sign = '+';
                int signPos = pos;
                if (peek() == '+' || peek() == '-') {
                    sign = peek();
                    pos++;
                    skipBlanks();
                    if (atEnd()) {
                        throw error("it ends with '" + sign + "' at position " + (signPos + 1)
                                + "; a term must follow, e.g. " + sign + "1D");
                    }
                } else if (!terms.isEmpty()) {
                    throw error("'" + text.charAt(pos) + "' at position " + (pos + 1)
                            + " must be + or - to join the next term");
                }
                terms.add(term(sign, signPos));
                skipBlanks();
            }
            return terms;
        }

        private Term term(char sign, int signPos) {
            int start = pos;
            char c = Character.toUpperCase(peek());
            if (c >= '0' && c <= '9') {
                int count = count();
                skipBlanks();
                if (atEnd()) {
                    throw error("the count " + text.substring(start, pos).trim() + " at position " + (start + 1)
                            + " has no unit; add " + UNITS);
                }
                Unit unit = Unit.of(Character.toUpperCase(peek()));
                if (unit == null) {
                    throw error("'" + text.charAt(pos) + "' at position " + (pos + 1) + " is not a unit; use "
                            + UNITS);
                }
                pos++;
                return new Term(sign == '-' ? -count : count, unit, false);
            }
            if (c == 'C') {
                pos++;
                skipBlanks();
                Unit unit = atEnd() ? null : Unit.of(Character.toUpperCase(peek()));
                if (unit == null || unit == Unit.DAY) {
                    throw error("C at position " + (start + 1)
                            + " must be followed by W, M, Q or Y (CW, CM, CQ, CY: the end of the current week,"
                            + " month, quarter or year)");
                }
                pos++;
                if (sign == '-') {
                    throw error("-C" + unit.letter + " at position " + (signPos + 1) + " is not supported: C"
                            + unit.letter + " moves to the end of the current period and takes no minus sign"
                            + " (for the first day of the period write C" + unit.letter + "+1D-1" + unit.letter + ")");
                }
                return new Term(0, unit, true);
            }
            if (Unit.of(c) != null) {
                throw error("the unit " + c + " at position " + (pos + 1) + " needs a count in front, e.g. 1" + c);
            }
            throw error("'" + text.charAt(pos) + "' at position " + (pos + 1)
                    + " is not allowed; a term is a count and a unit (" + UNITS + ") like 5D, or CW, CM, CQ, CY");
        }

        private int count() {
            int start = pos;
            while (!atEnd() && peek() >= '0' && peek() <= '9') {
                pos++;
            }
            String digits = text.substring(start, pos).replaceFirst("^0+(?=\\d)", "");
            if (digits.length() > String.valueOf(MAX_COUNT).length() || Integer.parseInt(digits) > MAX_COUNT) {
                throw error("the count " + digits + " at position " + (start + 1) + " is too large (at most "
                        + MAX_COUNT + ")");
            }
            return Integer.parseInt(digits);
        }

        private void skipBlanks() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                pos++;
            }
        }

        private boolean atEnd() {
            return pos >= text.length();
        }

        private char peek() {
            return text.charAt(pos);
        }

        private ValidationException error(String detail) {
            return new ValidationException(field, "'" + text + "' is not a valid date formula: " + detail);
        }
    }
}
