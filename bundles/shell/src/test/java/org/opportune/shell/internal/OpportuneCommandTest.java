package org.opportune.shell.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.ValidationException;

public class OpportuneCommandTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    /** A command that fails the way the supplier says. */
    private static OpportuneCommand failingWith(Supplier<RuntimeException> failure) {
        return new OpportuneCommand() {
            @Override
            protected void run() {
                throw failure.get();
            }
        };
    }

    @Test
    public void printsOneLinePerFieldErrorOfAValidationExceptionAndReturnsNull() {
        Object result = failingWith(() -> new ValidationException(List.of(new FieldError("name", "is required"),
                new FieldError("commissionPercent", "must be between 0 and 100 (got 120)")))).execute();

        assertNull(result);
        assertArrayEquals(new String[] {"Error: name is required",
                "Error: commissionPercent must be between 0 and 100 (got 120)"}, console.errLines());
        assertEquals("", console.out());
    }

    @Test
    public void printsTheMessageOfARefusalThatNamesNoField() {
        failingWith(() -> new NotFoundException("salesperson", "XX")).execute();

        assertArrayEquals(new String[] {"Error: salesperson XX does not exist"}, console.errLines());
    }

    @Test
    public void printsTheFieldErrorsOfAConflict() {
        failingWith(() -> new ConflictException("salesperson JO exists already",
                List.of(new FieldError("code", "is taken by an existing salesperson")))).execute();

        assertArrayEquals(new String[] {"Error: code is taken by an existing salesperson"}, console.errLines());
    }

    @Test
    public void aMissingServiceIsReportedAsAnUnavailableModule() {
        new OpportuneCommand() {
            @Override
            protected void run() {
                require(null, "salespeople");
            }
        }.execute();

        assertArrayEquals(new String[] {"Error: the salespeople module is not available"}, console.errLines());
    }

    @Test(expected = IllegalStateException.class)
    public void otherExceptionsAreLeftToKaraf() {
        failingWith(() -> new IllegalStateException("database is down")).execute();
    }

    @Test
    public void percentagesShowUpToTwoDecimals() {
        assertEquals("12.5", OpportuneCommand.percent(new BigDecimal("12.500")));
        assertEquals("33.33", OpportuneCommand.percent(new BigDecimal("33.3333")));
        assertEquals("100", OpportuneCommand.percent(new BigDecimal("100.00")));
        assertEquals("", OpportuneCommand.percent(null));
    }
}
