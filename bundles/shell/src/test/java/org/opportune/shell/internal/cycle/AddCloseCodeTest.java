package org.opportune.shell.internal.cycle;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

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
    public void createsTheCodeWithTheTypeReadInAnyCase() {
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
    public void anUnknownTypeIsRefusedBeforeTheServiceIsAsked() {
        command.code = "DRAW";
        command.type = "tie";
        command.description = "Nobody won";
        command.execute();

        assertEquals(List.of(), service.creates);
        assertArrayEquals(new String[] {"Error: type must be one of WON, LOST (got 'tie')"}, console.errLines());
    }

    @Test
    public void printsEachFieldErrorOnALineOfItsOwn() {
        command.code = "MUCH-TOO-LONG";
        command.type = "LOST";
        command.description = "x".repeat(101);
        command.execute();

        assertArrayEquals(new String[] {"Error: code must be at most 10 characters (got 13)",
                "Error: description must be at most 100 characters (got 101)"}, console.errLines());
        assertEquals("", console.out());
    }

    @Test
    public void aTakenCodeIsReported() {
        command.code = "price";
        command.type = "LOST";
        command.description = "Price";
        command.execute();

        assertArrayEquals(new String[] {"Error: code is taken by an existing close opportunity code"},
                console.errLines());
        assertEquals(SalesCycles.BETTER_PRICE, service.get("PRICE"));
    }
}
