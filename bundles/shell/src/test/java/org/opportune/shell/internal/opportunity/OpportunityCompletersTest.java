package org.opportune.shell.internal.opportunity;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.support.parsing.CommandLineImpl;
import org.junit.Test;
import org.opportune.api.PageRequest;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.shell.internal.References;

public class OpportunityCompletersTest {

    private final FakeOpportunityService service = Opportunities.all();

    /** Completes the last of the words, the first being the command, with the cursor at its end. */
    private static List<String> candidates(Completer completer, String... words) {
        String buffer = String.join(" ", words);
        String typed = words[words.length - 1];
        List<String> candidates = new ArrayList<>();
        completer.complete(null, new CommandLineImpl(words, words.length - 1, typed.length(), buffer.length(), buffer),
                candidates);
        return candidates;
    }

    @Test
    public void opportunityNumbersOfAnyStatus() {
        OpportunityNoCompleter completer = References.inject(new OpportunityNoCompleter(), service);

        assertEquals(List.of("OP000001 ", "OP000002 ", "OP000003 ", "OP000004 "),
                candidates(completer, "opportunity:show", ""));
        assertEquals(OpportunityQuery.ALL, service.lastQuery);
        assertEquals(PageRequest.of(0, PageRequest.MAX_LIMIT, "no"), service.lastPage);
        assertEquals(List.of("OP000003 "), candidates(completer, "opportunity:show", "op000003"));
    }

    @Test
    public void onlyOpenOpportunitiesCanBeMoved() {
        OpenOpportunityNoCompleter completer = References.inject(new OpenOpportunityNoCompleter(), service);

        assertEquals(List.of("OP000001 ", "OP000002 ", "OP000004 "),
                candidates(completer, "opportunity:update", "OP"));
        assertEquals(new OpportunityQuery("OP", null, false, null, null, null, null, null, null, null, null, null,
                null), service.lastQuery);
    }

    @Test
    public void nothingWhileTheOpportunitiesModuleIsNotRunning() {
        assertEquals(List.of(), candidates(new OpportunityNoCompleter(), "opportunity:show", "OP"));
    }

    @Test
    public void actionsOutcomesStatusesAndPrioritiesInAnyCase() {
        assertEquals(List.of("FIRST ", "JUMP ", "NEXT ", "PREVIOUS ", "SKIP ", "UPDATE "),
                candidates(new OpportunityActionCompleter(), "opportunity:update", "OP000001", ""));
        assertEquals(List.of("SKIP "), candidates(new OpportunityActionCompleter(), "opportunity:update", "OP1", "sk"));
        assertEquals(List.of("LOST "), candidates(new CloseOutcomeCompleter(), "opportunity:close", "OP1", "l"));
        assertEquals(List.of("IN_PROGRESS "), candidates(new OpportunityStatusCompleter(), "--status", "in"));
        assertEquals(List.of("HIGH "), candidates(new OpportunityPriorityCompleter(), "--priority", "H"));
    }
}
