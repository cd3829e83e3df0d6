package org.opportune.rest.internal.dto;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /opportunities/{no}/activate}; it may be left out altogether.
 *
 * @param dateOfChange    today when null
 * @param cancelOpenTasks null for false
 */
public record ActivateBody(LocalDate dateOfChange,
        @Schema(description = "Cancel the opportunity's open tasks before the first stage's tasks are made"
                + " (DOMAIN §10); default false", defaultValue = "false") Boolean cancelOpenTasks) {

    public boolean cancelsOpenTasks() {
        return Boolean.TRUE.equals(cancelOpenTasks);
    }
}
