package org.opportune.shell.internal.opportunity;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;
import static org.opportune.shell.internal.opportunity.Opportunities.day;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.opportunity.FakeOpportunityService.Activate;

public class ActivateOpportunityTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeOpportunityService service = Opportunities.all();
    private final ActivateOpportunity command = References.inject(new ActivateOpportunity(), service);

    @Test
    public void activatesAtTheVersionReadOnTheDateGiven() throws Exception {
        command.no = "op000002";
        command.dateOfChange = "2024-01-22";
        command.execute();

        assertEquals(List.of(new Activate("OP000002", day(22), 1L)), service.activations);
        assertArrayEquals(new String[] {"Opportunity OP000002 started at stage 1, estimated close date 2024-01-27"},
                console.outLines());
    }

    @Test
    public void withoutDateTheServiceTakesToday() throws Exception {
        command.no = "OP000002";
        command.execute();

        assertEquals(List.of(new Activate("OP000002", null, 1L)), service.activations);
        assertArrayEquals(new String[] {"Opportunity OP000002 started at stage 1, estimated close date 2024-01-25"},
                console.outLines());
    }

    @Test
    public void aStartedOpportunityIsRefusedInOneLine() throws Exception {
        command.no = "OP000001";

        assertEquals("opportunity OP000001 is IN_PROGRESS; only a not-started opportunity can be activated",
                refusalOf(command));
        assertEquals("", console.out());
    }

    @Test
    public void aMalformedDateIsAFieldError() throws Exception {
        command.no = "OP000002";
        command.dateOfChange = "tomorrow";

        assertEquals("dateOfChange must be a date like 2024-01-31 (got 'tomorrow')", refusalOf(command));
        assertEquals(List.of(), service.activations);
    }
}
