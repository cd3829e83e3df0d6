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
import org.opportune.api.opportunity.NewOpportunity;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.Inputs;
import org.opportune.shell.internal.Logins;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.opportunity.FakeOpportunityService.Creation;

public class CreateOpportunityTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeOpportunityService service = new FakeOpportunityService();
    private final CreateOpportunity command = References.inject(new CreateOpportunity(), service);

    /** Gives the arguments as typed after {@code opportunity:create}. */
    private void arguments(String contactNo, String salesCycleCode, String description) {
        command.contactNo = contactNo;
        command.salesCycleCode = salesCycleCode;
        command.description = description;
    }

    @Test
    public void createsANotStartedOpportunityLeavingTheDefaultsToTheService() throws Exception {
        arguments("CT000002", "STD", "Fleet renewal");
        command.execute();

        assertEquals(List.of(new Creation(Inputs.fields(NewOpportunity.builder().description("Fleet renewal")
                .contactNo("CT000002").salesCycleCode("STD").build()))), service.creations);
        Opportunity created = service.get("OP000001");
        assertEquals(OpportunityStatus.NOT_STARTED, created.status());
        assertEquals("JO", created.salespersonCode());
        assertArrayEquals(new String[] {"Created opportunity OP000001"}, console.outLines());
    }

    @Test
    public void createsAndStartsItInOneStepAsInStep1OfTheWorkedExample() throws Exception {
        arguments("CT000002", "STD", "Fleet renewal");
        command.no = "op000100";
        command.salespersonCode = "AL";
        command.priority = "high";
        command.activate = true;
        command.estimatedValue = amount("10000");
        command.chancesOfSuccessPercent = amount("25");
        command.estimatedCloseDate = "2024-03-31";
        command.dateOfChange = "2024-01-10";
        command.execute();

        assertEquals(List.of(new Creation(Inputs.fields(NewOpportunity.builder().no("op000100")
                .description("Fleet renewal").contactNo("CT000002").salespersonCode("AL").salesCycleCode("STD")
                .priority(OpportunityPriority.HIGH).activation(Activation.builder().dateOfChange(day(10))
                        .estimatedValue(amount("10000")).chancesOfSuccessPercent(amount("25"))
                        .estimatedCloseDate(LocalDate.of(2024, 3, 31)).build())
                .build()))), service.creations);
        Opportunity created = service.get("OP000100");
        assertEquals(Integer.valueOf(1), created.currentStage());
        assertEquals(amount("2.5"), created.probabilityPercent());
        assertEquals(amount("250"), created.calculatedCurrentValue());
        assertArrayEquals(new String[] {"Created opportunity OP000100, started at stage 1"}, console.outLines());
    }

    @Test
    public void theOpportunityIsCreatedByTheLoginOfTheSession() throws Exception {
        References.inject(command, service.callers);
        arguments("CT000002", "STD", "Fleet renewal");
        Logins.execute(command, Logins.subject("john", "salesperson"));

        assertEquals("john", service.get("OP000001").changedBy());
    }

    @Test
    public void activationValuesWithoutActivateAreRefusedRatherThanIgnored() throws Exception {
        arguments("CT000002", "STD", "Fleet renewal");
        command.estimatedValue = amount("10000");

        assertEquals("activate is needed to give --value, --chances, --close-date or --date", refusalOf(command));
        assertEquals(List.of(), service.creations);
        assertEquals("", console.out());
    }

    @Test
    public void missingActivationValuesAreReportedByTheServiceEachWithItsField() throws Exception {
        arguments("CT000002", "STD", "Fleet renewal");
        command.activate = true;

        assertEquals("activate.estimatedValue is required; activate.chancesOfSuccessPercent is required;"
                + " activate.estimatedCloseDate is required", refusalOf(command));
        assertEquals(List.of(Inputs.fields(Activation.builder().build())),
                service.creations.stream().map(creation -> creation.sent().get("activation")).toList());
        assertFalse(service.find("OP000001").isPresent());
    }

    @Test
    public void aMalformedDateOrPriorityIsAFieldErrorAndNothingIsSent() throws Exception {
        arguments("CT000002", "STD", "Fleet renewal");
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
