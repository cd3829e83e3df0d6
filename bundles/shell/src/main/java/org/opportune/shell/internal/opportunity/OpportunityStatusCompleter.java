package org.opportune.shell.internal.opportunity;

import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.opportune.api.opportunity.OpportunityStatus;

/** Completes an opportunity status from the constants of {@link OpportunityStatus}. */
@Service
public class OpportunityStatusCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(Arrays.stream(OpportunityStatus.values()).map(Enum::name).toList())
                .complete(session, commandLine, candidates);
    }
}
