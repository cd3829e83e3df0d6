package org.opportune.shell.internal.opportunity;

import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.Completions.candidates;

import java.util.List;

import org.junit.Test;
import org.opportune.api.PageRequest;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.shell.internal.References;

public class OpportunityCompletersTest {

    private final FakeOpportunityService service = Opportunities.all();

    @Test
    public void opportunityNumbersOfAnyStatus() {
        OpportunityNoCompleter completer = References.inject(new OpportunityNoCompleter(), service);

        assertEquals(List.of("OP000001 ", "OP000002 ", "OP000003 ", "OP000004 "),
                candidates(completer, "opportunity:show", ""));
        assertEquals(OpportunityQuery.all(), service.lastQuery);
        assertEquals(PageRequest.of(0, PageRequest.MAX_LIMIT, "no"), service.lastPage);
        assertEquals(List.of("OP000003 "), candidates(completer, "opportunity:show", "op000003"));
    }

    @Test
    public void onlyOpenOpportunitiesCanBeMoved() {
        OpenOpportunityNoCompleter completer = References.inject(new OpenOpportunityNoCompleter(), service);

        assertEquals(List.of("OP000001 ", "OP000002 ", "OP000004 "),
                candidates(completer, "opportunity:update", "OP"));
        assertEquals(OpportunityQuery.all().withText("OP").withClosed(false), service.lastQuery);
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
