package org.opportune.shell.internal.salesperson;

import java.util.function.UnaryOperator;

import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.api.salesperson.SalespersonValues;

/**
 * Changes some fields of a salesperson: writes back the values read with the change applied,
 * expecting the version read so that a concurrent change is refused rather than lost.
 */
final class SalespersonChange {

    private SalespersonChange() {
    }

    /** @return the salesperson saved */
    static Salesperson apply(SalespersonService salespeople, String code,
            UnaryOperator<SalespersonValues.Builder> change) {
        Salesperson current = salespeople.get(code);
        return salespeople.update(current.code(), change.apply(SalespersonValues.from(current)).build(),
                current.version());
    }
}
