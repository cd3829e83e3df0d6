package org.opportune.shell.internal.cycle;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.References;

public class AddCloseCodeTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeCloseOpportunityCodeService service = SalesCycles.closeCodes();
    private final AddCloseCode command = References.inject(new AddCloseCode(), service);

    @Test
    public void createsTheCodeWithTheTypeReadInAnyCase() throws Exception {
        command.code = "quality";
        command.type = "won";
        command.description = "Better quality";
        command.execute();

        assertEquals(List.of(new CloseOpportunityCode("quality", "Better quality", CloseOpportunityCodeType.WON,
                null)), service.creates);
        assertEquals(new CloseOpportunityCode("QUALITY", "Better quality", CloseOpportunityCodeType.WON, 1L),
                service.get("QUALITY"));
        assertArrayEquals(new String[] {"Created close opportunity code QUALITY (WON)"}, console.outLines());
    }

    @Test
    public void anUnknownTypeIsRefusedBeforeTheServiceIsAsked() throws Exception {
        command.code = "DRAW";
        command.type = "tie";
        command.description = "Nobody won";

        assertEquals("type must be one of WON, LOST (got 'tie')", refusalOf(command));
        assertEquals(List.of(), service.creates);
    }

    @Test
    public void namesEveryFieldAtFault() throws Exception {
        command.code = "MUCH-TOO-LONG";
        command.type = "LOST";
        command.description = "x".repeat(101);

        assertEquals("code must be at most 10 characters (got 13); description must be at most 100 characters"
                + " (got 101)", refusalOf(command));
        assertEquals("", console.out());
    }

    @Test
    public void aTakenCodeIsReported() throws Exception {
        command.code = "price";
        command.type = "LOST";
        command.description = "Price";

        assertEquals("code is taken by an existing close opportunity code", refusalOf(command));
        assertEquals(SalesCycles.BETTER_PRICE, service.get("PRICE"));
    }
}
