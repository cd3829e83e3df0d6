package org.opportune.shell.internal.opportunity;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;
import static org.opportune.shell.internal.opportunity.Opportunities.amount;
import static org.opportune.shell.internal.opportunity.Opportunities.day;

import java.time.LocalDate;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.Logins;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.opportunity.FakeOpportunityService.Move;

public class MoveOpportunityTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeOpportunityService service = Opportunities.all();
    private final MoveOpportunity command = References.inject(new MoveOpportunity(), service);

    /** Gives the arguments as typed after {@code opportunity:update}. */
    private void arguments(String no, String action) {
        command.no = no;
        command.action = action;
    }

    @Test
    public void omittedValuesAreSentAsNullForTheDomainDefaultsAsInStep2OfTheWorkedExample() throws Exception {
        arguments("op000001", "next");
        command.execute();

        assertEquals(List.of(new Move("OP000001", StageUpdate.of(OpportunityAction.NEXT), 3L)), service.moves);
        assertArrayEquals(new String[] {"Opportunity OP000001 is at stage 2: estimated value 10000.00, chances 40 %,"
                + " probability 12 %, calculated current value 1200.00, estimated close date 2024-01-30"},
                console.outLines());
    }

    @Test
    public void passesEveryValueGivenAndRoundsTheAmountsPrinted() throws Exception {
        arguments("OP000004", "JUMP");
        command.stage = 1;
        command.dateOfChange = "2024-01-22";
        command.estimatedValue = amount("10000");
        command.chancesOfSuccessPercent = amount("33.3333");
        command.estimatedCloseDate = "2024-02-29";
        command.execute();

        assertEquals(List.of(new Move("OP000004", StageUpdate.builder(OpportunityAction.JUMP).stage(1)
                .dateOfChange(day(22)).estimatedValue(amount("10000")).chancesOfSuccessPercent(amount("33.3333"))
                .estimatedCloseDate(LocalDate.of(2024, 2, 29)).build(), 4L)), service.moves);
        assertArrayEquals(new String[] {"Opportunity OP000004 is at stage 1: estimated value 10000.00,"
                + " chances 33.33 %, probability 3.33 %, calculated current value 333.33,"
                + " estimated close date 2024-02-29"}, console.outLines());
    }

    @Test
    public void cancelOpenTasksAsksToCancelThemAndTheMoveIsMadeByTheLoginOfTheSession() throws Exception {
        References.inject(command, service.callers);
        arguments("OP000001", "NEXT");
        command.cancelOpenTasks = true;
        Logins.execute(command, Logins.subject("anna", "salesperson"));

        assertEquals(List.of(new Move("OP000001", StageUpdate.builder(OpportunityAction.NEXT).cancelOpenTasks(true)
                .build(), 3L)), service.moves);
        assertEquals("anna", service.get("OP000001").changedBy());
    }

    @Test
    public void anUnknownActionIsAFieldErrorNamingTheActionsAndNothingIsRead() throws Exception {
        arguments("OP000001", "forward");

        assertEquals("action must be one of FIRST, NEXT, PREVIOUS, SKIP, JUMP, UPDATE (got 'forward')",
                refusalOf(command));
        assertEquals(List.of(), service.moves);
    }

    @Test
    public void theRefusalsOfTheServiceAreThrownSoThatAScriptStops() throws Exception {
        arguments("OP000003", "UPDATE");
        assertEquals("opportunity OP000003 is closed (WON); closed is final", refusalOf(command));
        arguments("OP000002", "NEXT");
        assertEquals("action NEXT is not possible before the first stage; use FIRST or activate", refusalOf(command));
        command.no = "OP000001";
        command.estimatedValue = amount("-5");
        assertEquals("estimatedValue must be greater than 0 (got -5)", refusalOf(command));

        assertEquals("", console.out());
        assertEquals("", console.err());
    }

    @Test
    public void aMalformedDateIsAFieldError() throws Exception {
        arguments("OP000001", "NEXT");
        command.estimatedCloseDate = "2024-02-30";

        assertEquals("estimatedCloseDate must be a date like 2024-01-31 (got '2024-02-30')", refusalOf(command));
        assertEquals(List.of(), service.moves);
    }
}
