package org.opportune.persistence;

import java.time.Instant;

/** The view of a {@link ColourEntity}. */
record Colour(String code, String name, long version, String changedBy, Instant changedAt) {
}
