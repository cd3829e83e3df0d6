package org.opportune.shell.internal.opportunity;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;
import static org.opportune.shell.internal.opportunity.Opportunities.amount;
import static org.opportune.shell.internal.opportunity.Opportunities.day;

import java.time.LocalDate;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.opportunity.Activation;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.opportunity.FakeOpportunityService.Creation;

public class CreateOpportunityTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeOpportunityService service = new FakeOpportunityService();
    private final CreateOpportunity command = References.inject(new CreateOpportunity(), service);

    @Test
    public void createsANotStartedOpportunityLeavingTheDefaultsToTheService() throws Exception {
        command.contactNo = "CT000002";
        command.salesCycleCode = "STD";
        command.description = "Fleet renewal";
        command.execute();

        assertEquals(List.of(new Creation(new Opportunity(null, "Fleet renewal", "CT000002", null, "STD", null),
                null)), service.creations);
        Opportunity created = service.get("OP000001");
        assertEquals(OpportunityStatus.NOT_STARTED, created.status());
        assertEquals("JO", created.salespersonCode());
        assertArrayEquals(new String[] {"Created opportunity OP000001"}, console.outLines());
    }

    @Test
    public void createsAndStartsItInOneStepAsInStep1OfTheWorkedExample() throws Exception {
        command.contactNo = "CT000002";
        command.salesCycleCode = "STD";
        command.description = "Fleet renewal";
        command.no = "op000100";
        command.salespersonCode = "AL";
        command.priority = "high";
        command.activate = true;
        command.estimatedValue = amount("10000");
        command.chancesOfSuccessPercent = amount("25");
        command.estimatedCloseDate = "2024-03-31";
        command.dateOfChange = "2024-01-10";
        command.execute();

        assertEquals(List.of(new Creation(new Opportunity("op000100", "Fleet renewal", "CT000002", "AL", "STD",
                OpportunityPriority.HIGH), new Activation(day(10), amount("10000"), amount("25"),
                LocalDate.of(2024, 3, 31)))), service.creations);
        Opportunity created = service.get("OP000100");
        assertEquals(Integer.valueOf(1), created.currentStage());
        assertEquals(amount("2.5"), created.probabilityPercent());
        assertEquals(amount("250"), created.calculatedCurrentValue());
        assertArrayEquals(new String[] {"Created opportunity OP000100, started at stage 1"}, console.outLines());
    }

    @Test
    public void activationValuesWithoutActivateAreRefusedRatherThanIgnored() throws Exception {
        command.contactNo = "CT000002";
        command.salesCycleCode = "STD";
        command.description = "Fleet renewal";
        command.estimatedValue = amount("10000");

        assertEquals("activate is needed to give --value, --chances, --close-date or --date", refusalOf(command));
        assertEquals(List.of(), service.creations);
        assertEquals("", console.out());
    }

    @Test
    public void missingActivationValuesAreReportedByTheServiceEachWithItsField() throws Exception {
        command.contactNo = "CT000002";
        command.salesCycleCode = "STD";
        command.description = "Fleet renewal";
        command.activate = true;

        assertEquals("activate.estimatedValue is required; activate.chancesOfSuccessPercent is required;"
                + " activate.estimatedCloseDate is required", refusalOf(command));
        assertEquals(List.of(new Activation(null, null, null, null)),
                service.creations.stream().map(Creation::activation).toList());
        assertFalse(service.find("OP000001").isPresent());
    }

    @Test
    public void aMalformedDateOrPriorityIsAFieldErrorAndNothingIsSent() throws Exception {
        command.contactNo = "CT000002";
        command.salesCycleCode = "STD";
        command.description = "Fleet renewal";
        command.activate = true;
        command.estimatedCloseDate = "31.03.2024";
        assertEquals("activate.estimatedCloseDate must be a date like 2024-01-31 (got '31.03.2024')",
                refusalOf(command));
        command.estimatedCloseDate = null;
        command.priority = "urgent";
        assertEquals("priority must be one of LOW, NORMAL, HIGH (got 'urgent')", refusalOf(command));

        assertEquals(List.of(), service.creations);
    }
}
