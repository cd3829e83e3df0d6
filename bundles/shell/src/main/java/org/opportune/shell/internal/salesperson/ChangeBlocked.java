package org.opportune.shell.internal.salesperson;

import org.opportune.api.salesperson.Salesperson;

/** Blocks or unblocks a salesperson, changing nothing else (see {@link SalespersonChange}). */
public abstract class ChangeBlocked extends SalespersonCommand {

    /** The value {@code blocked} gets. */
    protected abstract boolean blocked();

    @Override
    protected void run() {
        Salesperson saved = SalespersonChange.apply(salespeople(), code, values -> values.blocked(blocked()));
        System.out.println("Salesperson " + saved.code() + (saved.blocked() ? " is blocked" : " is not blocked"));
    }
}
