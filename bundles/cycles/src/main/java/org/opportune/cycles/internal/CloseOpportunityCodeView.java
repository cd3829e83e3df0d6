package org.opportune.cycles.internal;

import java.time.Instant;

import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeType;

/** A close opportunity code as the service returns it. */
record CloseOpportunityCodeView(String code, String description, CloseOpportunityCodeType type, long version,
        String changedBy, Instant changedAt) implements CloseOpportunityCode {
}
