package org.opportune.shell.internal.cycle;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.cycle.CloseCodeValues;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.Inputs;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.Views;
import org.opportune.shell.internal.Views.CloseCodeView;
import org.opportune.shell.internal.cycle.FakeCloseOpportunityCodeService.Creation;

public class AddCloseCodeTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeCloseOpportunityCodeService service = SalesCycles.closeCodes();
    private final AddCloseCode command = References.inject(new AddCloseCode(), service);

    /** Gives the arguments as typed after {@code closecode:add}. */
    private void arguments(String code, String type, String description) {
        command.code = code;
        command.type = type;
        command.description = description;
    }

    @Test
    public void createsTheCodeWithTheTypeReadInAnyCase() throws Exception {
        arguments("quality", "won", "Better quality");
        command.execute();

        assertEquals(List.of(new Creation("quality", Inputs.fields(CloseCodeValues.builder()
                .description("Better quality").type(CloseOpportunityCodeType.WON).build()))), service.creates);
        assertEquals(new CloseCodeView("QUALITY", "Better quality", CloseOpportunityCodeType.WON, 1L, "system",
                Views.COMMITTED), service.get("QUALITY"));
        assertArrayEquals(new String[] {"Created close opportunity code QUALITY (WON)"}, console.outLines());
    }

    @Test
    public void anUnknownTypeIsRefusedBeforeTheServiceIsAsked() throws Exception {
        arguments("DRAW", "tie", "Nobody won");

        assertEquals("type must be one of WON, LOST (got 'tie')", refusalOf(command));
        assertEquals(List.of(), service.creates);
    }

    @Test
    public void namesEveryFieldAtFault() throws Exception {
        arguments("MUCH-TOO-LONG", "LOST", "x".repeat(101));

        assertEquals("code must be at most 10 characters (got 13); description must be at most 100 characters"
                + " (got 101)", refusalOf(command));
        assertEquals("", console.out());
    }

    @Test
    public void aTakenCodeIsReported() throws Exception {
        arguments("price", "LOST", "Price");

        assertEquals("code is taken by an existing close opportunity code", refusalOf(command));
        assertEquals(SalesCycles.BETTER_PRICE, service.get("PRICE"));
    }
}
