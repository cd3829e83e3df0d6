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

    /** Gives the arguments as typed after {@code opportunity:close}. */
    private void arguments(String no, String outcome, String closeCode) {
        command.no = no;
        command.outcome = outcome;
        command.closeCode = closeCode;
    }

    @Test
    public void closesAsWonWithTheValueAndDateGivenAtTheVersionRead() throws Exception {
        arguments("op000001", "won", "WIN1");
        command.dateClosed = "2024-02-15";
        command.value = amount("11500");
        command.execute();

        assertEquals(List.of(new Close("OP000001", Closing.builder(CloseOutcome.WON, "WIN1")
                .dateClosed(LocalDate.of(2024, 2, 15)).value(amount("11500")).cancelOpenTasks(true).build(), 3L)),
                service.closings);
        assertArrayEquals(new String[] {
            "Opportunity OP000001 is WON on 2024-02-15 (close code WIN1, calculated current value 11500.00)"},
                console.outLines());
    }

    @Test
    public void aWonCloseWithALinkedQuoteNeedsNoValue() throws Exception {
        arguments("OP000004", "WON", "WIN1");
        command.execute();

        assertEquals(List.of(new Close("OP000004", Closing.builder(CloseOutcome.WON, "WIN1").build(), 4L)),
                service.closings);
        assertArrayEquals(new String[] {
            "Opportunity OP000004 is WON on 2024-01-20 (close code WIN1, calculated current value 8333.33)"},
                console.outLines());
    }

    @Test
    public void closesAsLost() throws Exception {
        arguments("OP000002", "LOST", "PRICE");
        command.execute();

        assertEquals(List.of(new Close("OP000002", Closing.builder(CloseOutcome.LOST, "PRICE").build(), 1L)),
                service.closings);
        assertArrayEquals(new String[] {
            "Opportunity OP000002 is LOST on 2024-01-20 (close code PRICE, calculated current value 0.00)"},
                console.outLines());
    }

    @Test
    public void keepOpenTasksAsksNotToCancelThem() throws Exception {
        arguments("OP000002", "LOST", "PRICE");
        command.keepOpenTasks = true;
        command.execute();

        assertEquals(List.of(new Close("OP000002", Closing.builder(CloseOutcome.LOST, "PRICE")
                .cancelOpenTasks(false).build(), 1L)), service.closings);
    }

    @Test
    public void theRefusalsOfTheServiceAreThrown() throws Exception {
        arguments("OP000001", "WON", "PRICE");
        assertEquals("closeCode must name a close opportunity code of type WON (got PRICE)", refusalOf(command));
        command.closeCode = "WIN1";
        assertEquals("value is required to close as WON when no sales quote is linked", refusalOf(command));
        command.no = "OP000003";
        assertEquals("opportunity OP000003 is closed (WON); closed is final", refusalOf(command));

        assertEquals("", console.out());
    }

    @Test
    public void anUnknownOutcomeIsAFieldError() throws Exception {
        arguments("OP000001", "draw", "WIN1");

        assertEquals("outcome must be one of WON, LOST (got 'draw')", refusalOf(command));
        assertEquals(List.of(), service.closings);
    }
}
