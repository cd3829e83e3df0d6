package org.opportune.shell.internal;

import java.util.Collection;
import java.util.List;

import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.opportune.api.OpportuneException;

/**
 * Completes the keys of records a service lists. The text typed so far is handed to the service
 * as its text filter, so completion stays quick however many records there are.
 */
public abstract class KeyCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter keys = new StringsCompleter();
        try {
            keys.getStrings().addAll(keys(typed(commandLine)));
        } catch (OpportuneException unavailable) {
            // nothing to offer while the module is down; the command itself will say so
            return -1;
        }
        return keys.complete(session, commandLine, candidates);
    }

    /**
     * @param typed the start of the key typed so far, possibly empty
     * @return keys that may match it; the caller keeps those that start with it
     */
    protected abstract Collection<String> keys(String typed);

    private static String typed(CommandLine commandLine) {
        String argument = commandLine.getCursorArgument();
        return argument == null ? "" : argument.substring(0, commandLine.getArgumentPosition());
    }
}
