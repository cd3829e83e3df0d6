package org.opportune.shell.internal.cycle;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.opportune.api.OpportuneException;
import org.opportune.api.caller.CallerContext;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.shell.internal.RolePrincipalClasses;
import org.opportune.shell.internal.SessionCaller;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Completes the stage numbers of the sales cycle named by the command's first argument, the one
 * before the cursor that is not an option. The commands it serves take no option with a value. Like
 * the keys, the cycle is read as the session's login.
 */
@Service
public class StageNumberCompleter implements Completer {

    @Reference(optional = true)
    private SalesCycleService cycles;

    @Reference(optional = true)
    private CallerContext callers;

    @Reference(optional = true)
    private ConfigurationAdmin configurations;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String cycle = cycleCode(commandLine);
        if (cycles == null || cycle == null) {
            return -1;
        }
        StringsCompleter numbers = new StringsCompleter();
        try {
            SessionCaller.callAs(callers, RolePrincipalClasses.configured(configurations), () -> cycles.find(cycle)).ifPresent(found -> found.stages()
                    .forEach(stage -> numbers.getStrings().add(String.valueOf(stage.stage()))));
        } catch (OpportuneException unavailable) {
            // nothing to offer while the module is down; the command itself will say so
            return -1;
        }
        return numbers.complete(session, commandLine, candidates);
    }

    /** @return the first argument after the command name, or null when the cursor is still on it */
    private static String cycleCode(CommandLine commandLine) {
        String[] arguments = commandLine.getArguments();
        for (int i = 1; i < commandLine.getCursorArgumentIndex() && i < arguments.length; i++) {
            if (!arguments[i].startsWith("-")) {
                return arguments[i];
            }
        }
        return null;
    }
}
