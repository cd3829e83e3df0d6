package org.opportune.shell.internal.cycle;

import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.probability.ProbabilityModelInfo;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.References;

public class ListProbabilityModelsTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    @Test
    public void printsEveryRegistrationAsTheServiceListsIt() throws Exception {
        References.inject(new ListProbabilityModels(), SalesCycles.cycles()).execute();

        assertEquals(List.of(
                List.of("Name", "Description", "Bundle", "Ranking", "Active"),
                List.of("ADD", "(chances + completed) / 2", "org.opportune.cycles", "0", "true"),
                List.of("MULTIPLY", "chances * completed / 100", "org.opportune.cycles", "0", "true"),
                List.of("MULTIPLY", "chances only", "com.example.models", "-10", "false")), console.tableRows());
        assertEquals("", console.err());
    }

    @Test
    public void anUnknownBundlePrintsAsAnEmptyCell() throws Exception {
        References.inject(new ListProbabilityModels(), new FakeSalesCycleService()
                .withModel(new ProbabilityModelInfo("WEIGHTED", "70 % chances", null, 5, true))).execute();

        assertEquals(List.of("WEIGHTED", "70 % chances", "", "5", "true"), console.tableRows().get(1));
    }

    @Test
    public void saysSoWhenTheCyclesModuleIsNotRunning() throws Exception {
        assertEquals("the cycles module is not available", refusalOf(new ListProbabilityModels()));
    }
}
