package org.opportune.shell.internal.cycle;

import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.Completions.candidates;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.support.completers.ArgumentCommandLine;
import org.junit.Test;
import org.opportune.api.PageRequest;
import org.opportune.api.cycle.CloseOpportunityCodeQuery;
import org.opportune.api.cycle.SalesCycleQuery;
import org.opportune.shell.internal.References;

public class CycleCompletersTest {

    private final FakeSalesCycleService cycles = SalesCycles.cycles();
    private final FakeCloseOpportunityCodeService closeCodes = SalesCycles.closeCodes();

    @Test
    public void cycleCodesStartingWithWhatIsTyped() {
        SalesCycleCodeCompleter completer = References.inject(new SalesCycleCodeCompleter(), cycles);

        assertEquals(List.of("EXISTING ", "FIRM ", "NEW "), candidates(completer, "cycle:show", ""));
        assertEquals(SalesCycleQuery.all(), cycles.lastQuery);
        assertEquals(PageRequest.of(0, PageRequest.MAX_LIMIT, "code"), cycles.lastPage);
        assertEquals(List.of("FIRM "), candidates(completer, "cycle:show", "fi"));
        assertEquals(SalesCycleQuery.all().withText("fi"), cycles.lastQuery);
    }

    @Test
    public void stageNumbersOfTheCycleNamedBeforeThem() {
        StageNumberCompleter completer = References.inject(new StageNumberCompleter(), cycles);

        assertEquals(List.of("1 ", "2 ", "4 "), candidates(completer, "cycle:stage-delete", "firm", ""));
        assertEquals(List.of("4 "), candidates(completer, "cycle:stage-delete", "FIRM", "4"));
        assertEquals(List.of(), candidates(completer, "cycle:stage-delete", "NEW", ""));
        assertEquals(List.of(), candidates(completer, "cycle:stage-delete", "ZZ", ""));
    }

    @Test
    public void noStageNumbersWithoutACycle() {
        StageNumberCompleter completer = References.inject(new StageNumberCompleter(), cycles);
        List<String> candidates = new ArrayList<>();

        // how Karaf checks a word already typed: the word alone
        assertEquals(-1, completer.complete(null, new ArgumentCommandLine("2", 1), candidates));
        assertEquals(List.of(), candidates);
    }

    @Test
    public void closeCodesStartingWithWhatIsTyped() {
        CloseCodeCompleter completer = References.inject(new CloseCodeCompleter(), closeCodes);

        assertEquals(List.of("EXPENSIVE ", "NOBUDGET ", "PRICE "), candidates(completer, "closecode:delete", ""));
        assertEquals(List.of("NOBUDGET "), candidates(completer, "closecode:delete", "no"));
        assertEquals(CloseOpportunityCodeQuery.all().withText("no"), closeCodes.lastQuery);
        assertEquals(PageRequest.of(0, PageRequest.MAX_LIMIT, "code"), closeCodes.lastPage);
    }

    @Test
    public void closeCodeTypesInAnyCase() {
        CloseCodeTypeCompleter completer = new CloseCodeTypeCompleter();

        assertEquals(List.of("LOST ", "WON "), candidates(completer, "closecode:add", "X", ""));
        assertEquals(List.of("WON "), candidates(completer, "closecode:add", "X", "w"));
    }

    @Test
    public void theNamesOfTheInstalledModelsOnce() {
        ProbabilityModelCompleter completer = References.inject(new ProbabilityModelCompleter(), cycles);

        assertEquals(List.of("ADD ", "MULTIPLY "), candidates(completer, "cycle:add", "X", "Y", "--model", ""));
        assertEquals(List.of("MULTIPLY "), candidates(completer, "cycle:add", "X", "Y", "--model", "mu"));
    }

    @Test
    public void nothingWhileTheCyclesModuleIsNotRunning() {
        assertEquals(List.of(), candidates(new SalesCycleCodeCompleter(), "cycle:show", ""));
        assertEquals(List.of(), candidates(new StageNumberCompleter(), "cycle:stage-delete", "FIRM", ""));
        assertEquals(List.of(), candidates(new CloseCodeCompleter(), "closecode:delete", ""));
        assertEquals(List.of(), candidates(new ProbabilityModelCompleter(), "cycle:add", "X", "Y", "--model", ""));
    }
}
