package org.opportune.rest.internal.dto;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /tasks/{no}/complete}; it may be left out altogether.
 *
 * @param dateCompleted today when null
 */
@Schema(name = "TaskCompletion")
public record TaskCompletionDto(@Schema(description = "When it was done; today when left out")
        LocalDate dateCompleted) {
}
