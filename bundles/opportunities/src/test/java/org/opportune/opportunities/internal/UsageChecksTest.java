package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;

import java.util.Locale;
import java.util.Optional;

import org.junit.Test;
import org.opportune.api.UsageCheck;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Closing;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.opportunities.internal.usage.CloseCodeUsage;
import org.opportune.opportunities.internal.usage.ContactUsage;
import org.opportune.opportunities.internal.usage.SalesCycleStageUsage;
import org.opportune.opportunities.internal.usage.SalesCycleUsage;
import org.opportune.opportunities.internal.usage.SalespersonUsage;

/** The usage checks this module registers for the deletes of the other modules (DOMAIN §1). */
public class UsageChecksTest extends OpportunityTestSupport {

    private void close(Opportunity opportunity, CloseOutcome outcome, String code) {
        service.close(opportunity.no(), closing(outcome, code, null, outcome == CloseOutcome.WON ? d("1") : null),
                null);
    }

    @Test
    public void aSalespersonWithOpenOpportunitiesIsInUse() {
        UsageCheck check = new SalespersonUsage(store);
        assertEquals(Optional.empty(), check.usageOf("JO"));
        Opportunity notStarted = createOpportunity();
        Opportunity started = started();
        assertEquals(Optional.of("salesperson JO has 2 open opportunities"), check.usageOf("jo"));
        close(started, CloseOutcome.LOST, "PRICE");
        assertEquals(Optional.of("salesperson JO has 1 open opportunity"), check.usageOf("JO"));
        close(notStarted, CloseOutcome.LOST, "PRICE");
        assertEquals(Optional.empty(), check.usageOf("JO"));
        assertEquals(Optional.empty(), check.usageOf("KIM"));
    }

    @Test
    public void aContactWithOpenOpportunitiesIsInUseAndACompanyAlsoByItsPersons() {
        UsageCheck check = new ContactUsage(store);
        service.create(newOpportunity(null, "Ann's deal", "CT2", "JO", "STD", null));
        assertEquals(Optional.of("contact CT2 has 1 open opportunity"), check.usageOf("CT2"));
        assertEquals(Optional.of("contact CT1 has 1 open opportunity"), check.usageOf("CT1"));
        createOpportunity();
        assertEquals(Optional.of("contact CT1 has 2 open opportunities"), check.usageOf("CT1"));
        assertEquals(Optional.empty(), check.usageOf("CT3"));
        service.create(newOpportunity(null, "Bob's deal", "CT4", "JO", "STD", null));
        assertEquals(Optional.of("contact CT4 has 1 open opportunity"), check.usageOf("CT4"));
    }

    @Test
    public void aCycleWithOpenOpportunitiesIsInUse() {
        UsageCheck check = new SalesCycleUsage(store);
        Opportunity opportunity = createOpportunity();
        assertEquals(Optional.of("sales cycle STD has 1 open opportunity"), check.usageOf("std"));
        close(opportunity, CloseOutcome.WON, "WIN1");
        assertEquals(Optional.empty(), check.usageOf("STD"));
    }

    @Test
    public void aStageWithActiveEntriesOfOpenOpportunitiesIsInUse() {
        UsageCheck check = new SalesCycleStageUsage(store);
        Opportunity opportunity = started();
        assertEquals(Optional.of("stage 1 of sales cycle STD is the current stage of 1 open opportunity"),
                check.usageOf("STD/1"));
        service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null);
        assertEquals(Optional.empty(), check.usageOf("STD/1"));
        assertEquals(Optional.of("stage 2 of sales cycle STD is the current stage of 1 open opportunity"),
                check.usageOf("std/2"));
        assertEquals(Optional.empty(), check.usageOf("STD"));
        assertEquals(Optional.empty(), check.usageOf("STD/two"));
        close(opportunity, CloseOutcome.LOST, "PRICE");
        assertEquals(Optional.empty(), check.usageOf("STD/2"));
    }

    @Test
    public void aCloseCodeUsedByAnEntryIsInUse() {
        UsageCheck check = new CloseCodeUsage(store);
        assertEquals(Optional.empty(), check.usageOf("WIN1"));
        Opportunity opportunity = started();
        close(opportunity, CloseOutcome.WON, "WIN1");
        assertEquals(Optional.of("close opportunity code WIN1 is used by 1 opportunity entry"), check.usageOf("win1"));
        assertEquals(Optional.empty(), check.usageOf("PRICE"));
    }

    @Test
    public void aBlankKeyIsNeverInUse() {
        createOpportunity();
        assertEquals(Optional.empty(), new SalespersonUsage(store).usageOf(" "));
        assertEquals(Optional.empty(), new ContactUsage(store).usageOf(" "));
        assertEquals(Optional.empty(), new SalesCycleUsage(store).usageOf(" "));
        assertEquals(Optional.empty(), new SalesCycleStageUsage(store).usageOf(" /1"));
        assertEquals(Optional.empty(), new CloseCodeUsage(store).usageOf(" "));
    }

    @Test
    public void keysAreMatchedAsStoredUnderATurkishLocale() {
        Locale defaultLocale = Locale.getDefault();
        Locale.setDefault(new Locale("tr", "TR")); // where "i".toUpperCase() is "İ"
        try {
            Opportunity opportunity = started();
            close(opportunity, CloseOutcome.WON, "win1");
            assertEquals(Optional.of("close opportunity code WIN1 is used by 1 opportunity entry"),
                    new CloseCodeUsage(store).usageOf("win1"));
        } finally {
            Locale.setDefault(defaultLocale);
        }
    }
}
