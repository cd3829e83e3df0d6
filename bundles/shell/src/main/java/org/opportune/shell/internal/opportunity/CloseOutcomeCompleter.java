package org.opportune.shell.internal.opportunity;

import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.opportune.api.opportunity.CloseOutcome;

/** Completes a close outcome from the constants of {@link CloseOutcome}. */
@Service
public class CloseOutcomeCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(Arrays.stream(CloseOutcome.values()).map(Enum::name).toList())
                .complete(session, commandLine, candidates);
    }
}
