package org.opportune.shell.internal.opportunity;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.opportunity.FakeOpportunityService.Deletion;

public class DeleteOpportunityTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeOpportunityService service = Opportunities.all();
    private final DeleteOpportunity command = References.inject(new DeleteOpportunity(), service);

    @Test
    public void deletesAClosedOpportunityAtTheVersionRead() throws Exception {
        command.no = "op000003";
        command.execute();

        assertEquals(List.of(new Deletion("OP000003", 7L)), service.deletions);
        assertFalse(service.find("OP000003").isPresent());
        assertArrayEquals(new String[] {"Deleted opportunity OP000003"}, console.outLines());
    }

    @Test
    public void anOpportunityInProgressIsRefusedInOneLine() throws Exception {
        command.no = "OP000001";

        assertEquals("opportunity OP000001 is in progress and cannot be deleted; close it first", refusalOf(command));
        assertTrue(service.find("OP000001").isPresent());
        assertEquals("", console.out());
    }

    @Test
    public void anUnknownNoIsReportedInOneLine() throws Exception {
        command.no = "OP999999";

        assertEquals("opportunity OP999999 does not exist", refusalOf(command));
        assertEquals(List.of(), service.deletions);
    }
}
