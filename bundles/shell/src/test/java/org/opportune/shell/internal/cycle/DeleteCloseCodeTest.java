package org.opportune.shell.internal.cycle;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

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
    public void deletesTheCodeAtTheVersionRead() {
        command.code = "nobudget";
        command.execute();

        assertEquals(List.of(new Deletion("NOBUDGET", 3L)), service.deletions);
        assertFalse(service.find("NOBUDGET").isPresent());
        assertArrayEquals(new String[] {"Deleted close opportunity code NOBUDGET"}, console.outLines());
    }

    @Test
    public void aCodeUsedByEntriesIsKept() {
        command.code = "PRICE";
        command.execute();

        assertArrayEquals(new String[] {"Error: close opportunity code PRICE cannot be deleted:"
                + " 3 opportunity entries use it"}, console.errLines());
        assertTrue(service.find("PRICE").isPresent());
        assertEquals("", console.out());
    }

    @Test
    public void anUnknownCodeDeletesNothing() {
        command.code = "zz";
        command.execute();

        assertEquals(List.of(), service.deletions);
        assertArrayEquals(new String[] {"Error: close opportunity code ZZ does not exist"}, console.errLines());
    }
}
