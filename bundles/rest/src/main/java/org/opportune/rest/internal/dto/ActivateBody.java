package org.opportune.rest.internal.dto;

import java.time.LocalDate;

/**
 * The body of {@code POST /opportunities/{no}/activate}; it may be left out altogether.
 *
 * @param dateOfChange today when null
 */
public record ActivateBody(LocalDate dateOfChange) {
}
