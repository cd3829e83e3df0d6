package org.opportune.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;

/** Runs a command that should refuse, the way Karaf's shell runs it, and hands back what the shell would show. */
public final class ThrownRefusal {

    private ThrownRefusal() {
    }

    /**
     * @return the message Karaf prints after {@code Error executing command: }
     * @throws AssertionError the command returned normally, so a script would not see the refusal
     */
    public static String refusalOf(Action command) throws Exception {
        try {
            command.execute();
        } catch (CommandException refusal) {
            return refusal.getMessage();
        }
        throw new AssertionError(command.getClass().getName() + " returned normally instead of throwing");
    }
}
