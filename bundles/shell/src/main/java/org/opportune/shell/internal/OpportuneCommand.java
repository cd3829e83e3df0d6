package org.opportune.shell.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;

import org.apache.karaf.shell.api.action.Action;
import org.opportune.api.FieldError;
import org.opportune.api.OpportuneException;
import org.opportune.api.UnavailableException;

/**
 * Base of every Opportune command. A refusal of the domain is the administrator's input at fault,
 * not a failure of the shell: it is printed as one {@code Error:} line per field at fault and the
 * command returns normally. Karaf would print only the exception's summary and log it with its
 * stack trace at ERROR level.
 */
public abstract class OpportuneCommand implements Action {

    @Override
    public final Object execute() {
        try {
            run();
        } catch (OpportuneException refusal) {
            report(refusal, System.err);
        }
        return null;
    }

    /** Does the command's work, printing to {@code System.out}. */
    protected abstract void run();

    /** Prints each field error of the refusal on a line of its own, or its message when it names no field. */
    static void report(OpportuneException refusal, PrintStream err) {
        if (refusal.errors().isEmpty()) {
            err.println("Error: " + refusal.getMessage());
            return;
        }
        for (FieldError error : refusal.errors()) {
            err.println("Error: " + error.field() + " " + error.message());
        }
    }

    /**
     * Services are optional references so that the commands of one module stay registered while
     * another module is stopped or being replaced.
     *
     * @throws UnavailableException the module providing the service is not running
     */
    protected static <S> S require(S service, String module) {
        if (service == null) {
            throw new UnavailableException("the " + module + " module is not available");
        }
        return service;
    }

    /** A percentage as DOMAIN shows it: up to 2 decimals, no trailing zeros; empty when absent. */
    protected static String percent(BigDecimal value) {
        return value == null ? "" : value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
