package org.opportune.shell.internal.opportunity;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;
import static org.opportune.shell.internal.opportunity.Opportunities.amount;

import java.time.LocalDate;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Closing;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.opportunity.FakeOpportunityService.Close;

public class CloseOpportunityTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeOpportunityService service = Opportunities.all();
    private final CloseOpportunity command = References.inject(new CloseOpportunity(), service);

    @Test
    public void closesAsWonWithTheValueAndDateGivenAtTheVersionRead() throws Exception {
        command.no = "op000001";
        command.outcome = "won";
        command.closeCode = "WIN1";
        command.dateClosed = "2024-02-15";
        command.value = amount("11500");
        command.execute();

        assertEquals(List.of(new Close("OP000001", new Closing(CloseOutcome.WON, "WIN1", LocalDate.of(2024, 2, 15),
                amount("11500")), 3L)), service.closings);
        assertArrayEquals(new String[] {
            "Opportunity OP000001 is WON on 2024-02-15 (close code WIN1, calculated current value 11500.00)"},
                console.outLines());
    }

    @Test
    public void aWonCloseWithALinkedQuoteNeedsNoValue() throws Exception {
        command.no = "OP000004";
        command.outcome = "WON";
        command.closeCode = "WIN1";
        command.execute();

        assertEquals(List.of(new Close("OP000004", new Closing(CloseOutcome.WON, "WIN1", null, null), 4L)),
                service.closings);
        assertArrayEquals(new String[] {
            "Opportunity OP000004 is WON on 2024-01-20 (close code WIN1, calculated current value 8333.33)"},
                console.outLines());
    }

    @Test
    public void closesAsLost() throws Exception {
        command.no = "OP000002";
        command.outcome = "LOST";
        command.closeCode = "PRICE";
        command.execute();

        assertEquals(List.of(new Close("OP000002", new Closing(CloseOutcome.LOST, "PRICE", null, null), 1L)),
                service.closings);
        assertArrayEquals(new String[] {
            "Opportunity OP000002 is LOST on 2024-01-20 (close code PRICE, calculated current value 0.00)"},
                console.outLines());
    }

    @Test
    public void theRefusalsOfTheServiceAreThrown() throws Exception {
        command.no = "OP000001";
        command.outcome = "WON";
        command.closeCode = "PRICE";
        assertEquals("closeCode must name a close opportunity code of type WON (got PRICE)", refusalOf(command));
        command.closeCode = "WIN1";
        assertEquals("value is required to close as WON when no sales quote is linked", refusalOf(command));
        command.no = "OP000003";
        assertEquals("opportunity OP000003 is closed (WON); closed is final", refusalOf(command));

        assertEquals("", console.out());
    }

    @Test
    public void anUnknownOutcomeIsAFieldError() throws Exception {
        command.no = "OP000001";
        command.outcome = "draw";
        command.closeCode = "WIN1";

        assertEquals("outcome must be one of WON, LOST (got 'draw')", refusalOf(command));
        assertEquals(List.of(), service.closings);
    }
}
