package org.opportune.shell.internal.salesperson;

import java.math.BigDecimal;

import org.opportune.api.salesperson.Salesperson;

/** The salespeople the tests start from. */
final class Salespeople {
    static final Salesperson JOHN = new Salesperson("JO", "John Roberts", "jo@cronus.example", "+44 20 1234",
            "Sales Manager", new BigDecimal("12.50"), false, 3L);
    static final Salesperson ANNA = new Salesperson("AH", "Anna Hale", null, null, null, null, true, 1L);
    static final Salesperson PETER = new Salesperson("PS", "Peter Saddow", "ps@cronus.example", null,
            "Sales Rep", new BigDecimal("5"), false, 7L);

    private Salespeople() {
    }

    static FakeSalespersonService all() {
        return new FakeSalespersonService().with(JOHN).with(ANNA).with(PETER);
    }
}
