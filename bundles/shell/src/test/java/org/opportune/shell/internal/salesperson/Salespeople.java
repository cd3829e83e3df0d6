package org.opportune.shell.internal.salesperson;

import java.math.BigDecimal;
import java.time.Instant;

import org.opportune.api.salesperson.Salesperson;
import org.opportune.shell.internal.Views.SalespersonView;

/** The salespeople the tests start from: one linked to a login, and two from before 2.0 that no one changed since. */
final class Salespeople {
    static final Salesperson JOHN = new SalespersonView("JO", "John Roberts", "jo@cronus.example", "+44 20 1234",
            "Sales Manager", new BigDecimal("12.50"), false, "john", 3L, "admin",
            Instant.parse("2024-01-05T08:00:00.123456Z"));
    static final Salesperson ANNA = new SalespersonView("AH", "Anna Hale", null, null, null, null, true, null, 1L,
            null, null);
    static final Salesperson PETER = new SalespersonView("PS", "Peter Saddow", "ps@cronus.example", null,
            "Sales Rep", new BigDecimal("5"), false, null, 7L, null, null);

    private Salespeople() {
    }

    static FakeSalespersonService all() {
        return new FakeSalespersonService().with(JOHN).with(ANNA).with(PETER);
    }
}
