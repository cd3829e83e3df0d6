package org.opportune.shell.internal;

import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Base of the lists of master data that can be blocked: the {@code blocked} filter of the REST lists. */
public abstract class BlockedListCommand extends TextListCommand {

    @Option(name = "--blocked", description = "true: only the blocked records, false: only those not blocked")
    @Completion(value = StringsCompleter.class, values = {"true", "false"})
    String blocked;

    /**
     * @return the filter given, null for any
     * @throws org.opportune.api.ValidationException the value given is neither true nor false
     */
    protected Boolean blocked() {
        return OptionValues.trueOrFalse("blocked", blocked);
    }
}
