package org.opportune.shell.internal;

import java.util.Collection;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.opportune.api.OpportuneException;
import org.opportune.api.PageRequest;
import org.opportune.api.UnavailableException;
import org.opportune.api.caller.CallerContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Completes the keys of records a service lists. The text typed so far is handed to the service
 * as its text filter, so completion stays quick however many records there are. The service is
 * asked as the session's login, as the commands are, so that it offers what that login may see.
 */
public abstract class KeyCompleter implements Completer {

    @Reference(optional = true)
    private CallerContext callers;

    @Reference(optional = true)
    private ConfigurationAdmin configurations;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter keys = new StringsCompleter();
        try {
            keys.getStrings().addAll(SessionCaller.callAs(callers, RolePrincipalClasses.configured(configurations),
                    () -> keys(typed(commandLine))));
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

    /** @throws UnavailableException the service is not running, so that there is nothing to offer */
    protected static <S> S available(S service) {
        if (service == null) {
            throw new UnavailableException("the module is not available");
        }
        return service;
    }

    /** @return the typed text as a list's text filter: null, for any, when nothing is typed */
    protected static String textFilter(String typed) {
        return typed.isBlank() ? null : typed;
    }

    /** @return the largest page a list gives, in the order of its key field */
    protected static PageRequest firstPageBy(String keyField) {
        return PageRequest.of(0, PageRequest.MAX_LIMIT, keyField);
    }

    private static String typed(CommandLine commandLine) {
        String argument = commandLine.getCursorArgument();
        return argument == null ? "" : argument.substring(0, commandLine.getArgumentPosition());
    }
}
