package org.opportune.shell.internal.cycle;

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
import org.opportune.shell.internal.cycle.FakeCloseOpportunityCodeService.Deletion;

public class DeleteCloseCodeTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeCloseOpportunityCodeService service = SalesCycles.closeCodes().withEntriesUsing("PRICE");
    private final DeleteCloseCode command = References.inject(new DeleteCloseCode(), service);

    @Test
    public void deletesTheCodeAtTheVersionRead() throws Exception {
        command.code = "nobudget";
        command.execute();

        assertEquals(List.of(new Deletion("NOBUDGET", 3L)), service.deletions);
        assertFalse(service.find("NOBUDGET").isPresent());
        assertArrayEquals(new String[] {"Deleted close opportunity code NOBUDGET"}, console.outLines());
    }

    @Test
    public void aCodeUsedByEntriesIsKept() throws Exception {
        command.code = "PRICE";

        assertEquals("close opportunity code PRICE cannot be deleted: 3 opportunity entries use it",
                refusalOf(command));
        assertTrue(service.find("PRICE").isPresent());
        assertEquals("", console.out());
    }

    @Test
    public void anUnknownCodeDeletesNothing() throws Exception {
        command.code = "zz";

        assertEquals("close opportunity code ZZ does not exist", refusalOf(command));
        assertEquals(List.of(), service.deletions);
    }
}
