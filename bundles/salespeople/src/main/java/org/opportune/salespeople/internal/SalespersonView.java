package org.opportune.salespeople.internal;

import java.math.BigDecimal;
import java.time.Instant;

import org.opportune.api.salesperson.Salesperson;

/** A salesperson as the service returns it. */
record SalespersonView(String code, String name, String email, String phone, String jobTitle,
        BigDecimal commissionPercent, boolean blocked, String userName, long version, String changedBy,
        Instant changedAt) implements Salesperson {
}
