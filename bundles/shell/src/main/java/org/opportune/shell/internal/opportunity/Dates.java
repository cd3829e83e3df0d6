package org.opportune.shell.internal.opportunity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.opportune.api.ValidationException;

/** Reads a date option given as ISO text; Karaf's converter knows no {@link LocalDate}. */
public final class Dates {

    private Dates() {
    }

    /**
     * @return null when the option was not given
     * @throws ValidationException the text is no date of the form 2024-01-31
     */
    public static LocalDate parse(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be a date like 2024-01-31 (got '" + value + "')");
        }
    }
}
