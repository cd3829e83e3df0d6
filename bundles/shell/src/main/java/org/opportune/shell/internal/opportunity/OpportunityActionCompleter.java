package org.opportune.shell.internal.opportunity;

import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.opportune.api.opportunity.OpportunityAction;

/** Completes an update action from the constants of {@link OpportunityAction}. */
@Service
public class OpportunityActionCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(Arrays.stream(OpportunityAction.values()).map(Enum::name).toList())
                .complete(session, commandLine, candidates);
    }
}
