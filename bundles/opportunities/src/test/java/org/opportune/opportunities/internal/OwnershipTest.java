package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.Before;
import org.junit.Test;
import org.junit.function.ThrowingRunnable;
import org.opportune.api.AccessDeniedException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.Roles;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.statistics.Aggregation;
import org.opportune.api.statistics.GroupKey;
import org.opportune.opportunities.internal.usage.ContactUsage;
import org.opportune.opportunities.internal.usage.SalespersonUsage;
import org.opportune.persistence.testing.AuditLines;

/**
 * DOMAIN §12 in the opportunities module: a salesperson sees, changes and counts the opportunities of its own
 * salesperson only, as if the others did not exist; a viewer reads all and changes nothing; a caller without an
 * Opportune role sees and changes nothing; a manager does everything; a deletion is audited.
 * <p>
 * Salespeople A (login anna) and B (login ben); carl has the salesperson role but is linked to no salesperson.
 * A has A1 (CT1, stage 2), A2 (CT3, won) and A3 (CT1, not started); B has B1 (CT1, stage 3) and B2 (CT3, lost).
 */
public class OwnershipTest extends OpportunityTestSupport {
    private static final Caller ANNA = Caller.user("anna", Set.of(Roles.SALESPERSON));
    private static final Caller BEN = Caller.user("ben", Set.of(Roles.SALESPERSON));
    private static final Caller CARL = Caller.user("carl", Set.of(Roles.SALESPERSON));
    private static final Caller MIA = Caller.user("mia", Set.of(Roles.SALES_MANAGER));
    private static final Caller VIC = Caller.user("vic", Set.of(Roles.SALES_VIEWER));
    private static final Caller NOBODY = Caller.user("nobody", Set.of("viewer"));
    private static final PageRequest ALL = PageRequest.of(0, PageRequest.MAX_LIMIT, "no");

    private OpportunityStatisticsServiceImpl statistics;
    private String a1;
    private String a2;
    private String a3;
    private String b1;
    private String b2;

    @Before
    public void twoSalespeopleWithDeals() {
        statistics = new OpportunityStatisticsServiceImpl(store, modules, callers);
        salespeople.add("A", false);
        salespeople.add("B", false);
        salespeople.link("A", "anna");
        salespeople.link("B", "ben");
        // made by the server, in the order of their numbers
        a1 = startedFor("A", "CT1", "10000");
        b1 = startedFor("B", "CT1", "40000");
        a2 = startedFor("A", "CT3", "2000");
        b2 = startedFor("B", "CT3", "3000");
        a3 = service.create(newOpportunity(null, "A not started", "CT1", "A", "STD", null)).no();
        clock.set(JAN_10.plusDays(4));
        service.move(a1, StageUpdate.of(OpportunityAction.NEXT), null);
        service.move(b1, StageUpdate.of(OpportunityAction.NEXT), null);
        service.close(a2, closing(CloseOutcome.WON, "WIN1", null, d("2500")), null);
        clock.set(JAN_10.plusDays(9));
        service.move(b1, StageUpdate.of(OpportunityAction.NEXT), null);
        service.close(b2, closing(CloseOutcome.LOST, "PRICE", null, null), null);
        salespeople.userNameLookups.set(0);
    }

    private String startedFor(String salesperson, String contact, String estimatedValue) {
        return service.create(newOpportunity(null, "Deal of " + salesperson, contact, salesperson, "STD", null,
                activation(null, d(estimatedValue), d("25"), JAN_10.plusMonths(2)))).no();
    }

    private <T> T as(Caller caller, Supplier<T> call) {
        return callers.callAs(caller, call);
    }

    private void as(Caller caller, ThrowingRunnable call, Class<? extends Throwable> refusal) {
        callers.runAs(caller, () -> assertThrows(refusal, call));
    }

    private List<String> numbers(Caller caller, OpportunityQuery query) {
        return as(caller, () -> service.list(query, ALL)).items().stream().map(Opportunity::no).toList();
    }

    // ---- reads -----------------------------------------------------------------------------------

    @Test
    public void aSalespersonFindsAnotherSalespersonsOpportunityByNoWhereverItAsksAsIfItDidNotExist() {
        assertFalse(as(ANNA, () -> service.find(b1)).isPresent());
        as(ANNA, () -> service.get(b1), NotFoundException.class);
        as(ANNA, () -> service.entries(b1, PageRequest.first()), NotFoundException.class);
        as(ANNA, () -> service.updateOptions(b1), NotFoundException.class);
        as(ANNA, () -> statistics.opportunity(b1), NotFoundException.class);

        assertEquals("A", as(ANNA, () -> service.get(a1)).salespersonCode());
        assertEquals(2, as(ANNA, () -> service.entries(a1, PageRequest.first())).total());
        assertEquals(a1, as(ANNA, () -> service.updateOptions(a1)).opportunityNo());
        assertEquals(a1, as(ANNA, () -> statistics.opportunity(a1)).opportunityNo());
        assertEquals("ben sees his own", "B", as(BEN, () -> service.get(b1)).salespersonCode());
    }

    @Test
    public void aSalespersonListsItsOwnOpportunitiesOnlyWithEveryFilterPageAndTotal() {
        assertEquals(List.of(a1, b1, a2, b2, a3), numbers(MIA, OpportunityQuery.all()));
        assertEquals(List.of(a1, a2, a3), numbers(ANNA, OpportunityQuery.all()));
        assertEquals(List.of(b1, b2), numbers(BEN, OpportunityQuery.all()));
        assertEquals(List.of(), numbers(ANNA, OpportunityQuery.all().withSalespersonCode("B")));
        assertEquals(List.of(a1, a3), numbers(ANNA, OpportunityQuery.all().withContactNo("CT1")));
        assertEquals(List.of(a2), numbers(ANNA, OpportunityQuery.all().withClosed(true)));
        assertEquals(List.of(), numbers(ANNA, OpportunityQuery.all().withText("Deal of B")));

        Page<Opportunity> page = as(ANNA, () -> service.list(OpportunityQuery.all(), PageRequest.of(1, 1, "-no")));
        assertEquals("the total counts her opportunities only", 3, page.total());
        assertEquals(List.of(a2), page.items().stream().map(Opportunity::no).toList());
    }

    @Test
    public void aSalespersonsStatisticsOfEveryKindAreTheManagersOverItsOwnOpportunitiesOnly() throws SQLException {
        List<Object> annas = as(ANNA, this::everyStatistic);
        List<Object> managersOverAll = as(MIA, this::everyStatistic);
        for (int i = 0; i < annas.size(); i++) {
            if (i != 1) {
                assertNotEquals("figure " + i + " differs while B's deals count for the manager", annas.get(i),
                        managersOverAll.get(i));
            }
        }
        deleteDealsOf("B");
        List<Object> managersOverAs = as(MIA, this::everyStatistic);
        for (int i = 0; i < annas.size(); i++) {
            assertEquals("figure " + i, managersOverAs.get(i), annas.get(i));
        }
        assertEquals("anna counts none of B's opportunities", 0,
                as(ANNA, () -> statistics.salesperson("B")).figures().count());
    }

    /** Every statistic the service offers, in a fixed order. */
    private List<Object> everyStatistic() {
        return List.of(statistics.salesCycle("STD", null, null, null),
                statistics.salesperson("A"), // the only one that is equal before B's deals go
                statistics.salesperson("B"),
                statistics.contact("CT1"),
                statistics.contact("CT3"),
                statistics.aggregate(Aggregation.of(OpportunityQuery.all()).groupedBy(GroupKey.SALESPERSON,
                        GroupKey.STATUS)),
                statistics.stageActivity("STD", null, null, true),
                statistics.salesCycle("STD", null, null, JAN_10.plusDays(5)), // as of: from the history
                statistics.aggregate(Aggregation.of(OpportunityQuery.all().withContactNo("CT1"))
                        .groupedBy(GroupKey.CURRENT_STAGE)),
                statistics.stageActivity("STD", JAN_10, JAN_10.plusDays(4), false));
    }

    /** Removes B's opportunities and entries with plain SQL, leaving what anna sees. */
    private static void deleteDealsOf(String salesperson) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM OPPORTUNITY_ENTRY WHERE OPP_NO IN (SELECT OPP_NO FROM OPPORTUNITY"
                    + " WHERE SALESPERSON_CODE = '" + salesperson + "')");
            statement.executeUpdate("DELETE FROM OPPORTUNITY WHERE SALESPERSON_CODE = '" + salesperson + "'");
            // the stage figures count per salesperson: its rows are exactly its deals' share
            statement.executeUpdate("DELETE FROM STAGE_FIGURES WHERE SALESPERSON_CODE = '" + salesperson + "'");
        }
    }

    @Test
    public void aSalespersonLinkedToNoSalespersonSeesNothingAndCannotCreate() {
        assertEquals(List.of(), numbers(CARL, OpportunityQuery.all()));
        as(CARL, () -> service.get(a1), NotFoundException.class);
        as(CARL, () -> service.move(a1, StageUpdate.of(OpportunityAction.NEXT), null), NotFoundException.class);
        assertEquals(0, as(CARL, () -> statistics.salesperson("A")).figures().count());
        assertEquals(0, as(CARL, () -> statistics.salesCycle("STD", null, null, null)).open().count());
        assertEquals(0, as(CARL, () -> statistics.salesCycle("STD", null, null, JAN_10.plusDays(5))).open().count());
        assertEquals(List.of(), as(CARL, () -> statistics.aggregate(Aggregation.of(OpportunityQuery.all())
                .groupedBy(GroupKey.SALESPERSON))));
        assertTrue(as(CARL, () -> statistics.stageActivity("STD", null, null, true)).stream()
                .allMatch(stage -> stage.entries() == 0 && stage.won() == 0 && stage.lost() == 0));

        AccessDeniedException refused = callers.callAs(CARL, () -> assertThrows(AccessDeniedException.class,
                () -> service.create(newOpportunity(null, "Mine", "CT1", null, "STD", null))));
        assertTrue(refused.getMessage(), refused.getMessage().contains("linked to no salesperson"));
    }

    @Test
    public void theLinkIsReadAtEveryCallNotRemembered() {
        assertEquals(3, as(ANNA, () -> service.list(null, ALL)).total());
        salespeople.link("B", "anna"); // anna now acts as B, A has no login
        assertEquals(List.of(b1, b2), numbers(ANNA, OpportunityQuery.all()));
        salespeople.unlink("B");
        assertEquals(List.of(), numbers(ANNA, OpportunityQuery.all()));
    }

    @Test
    public void aCallerWithoutAnOpportuneRoleSeesNothingAndChangesNothing() {
        assertEquals(List.of(), numbers(NOBODY, OpportunityQuery.all()));
        as(NOBODY, () -> service.get(a1), NotFoundException.class);
        assertEquals(0, as(NOBODY, () -> statistics.contact("CT1")).figures().count());
        as(NOBODY, () -> service.create(newOpportunity(null, "Mine", "CT1", "A", "STD", null)),
                AccessDeniedException.class);
        assertEquals("no look-up of a salesperson for a caller without the role", 0,
                salespeople.userNameLookups.get());
    }

    // ---- writes ------------------------------------------------------------------------------------

    @Test
    public void aSalespersonsNewOpportunityIsItsOwnNotTheContactsSalespersons() {
        // CT1's salesperson is JO
        Opportunity created = as(ANNA, () -> service.create(newOpportunity(null, "Mine", "CT1", null, "STD", null)));
        assertEquals("A", created.salespersonCode());
        assertEquals("anna", created.changedBy());
        assertEquals("naming herself, in any case", "A",
                as(ANNA, () -> service.create(newOpportunity(null, "Mine", "CT1", " a ", "STD", null)))
                        .salespersonCode());
        assertEquals("a manager's still defaults to the contact's", "JO",
                as(MIA, () -> service.create(newOpportunity(null, "Hers", "CT1", null, "STD", null)))
                        .salespersonCode());
    }

    @Test
    public void aSalespersonCannotCreateForAnotherSalesperson() {
        long before = as(MIA, () -> service.list(null, ALL)).total();
        AccessDeniedException refused = callers.callAs(ANNA, () -> assertThrows(AccessDeniedException.class,
                () -> service.create(newOpportunity(null, "For B", "CT1", "B", "STD", null))));
        assertEquals(List.of("salespersonCode"), refused.errors().stream().map(FieldError::field).toList());
        assertTrue(refused.requiredRoles().containsAll(List.of(Roles.SALES_MANAGER, Roles.OPPORTUNE_ADMIN)));
        assertEquals("nothing written", before, as(MIA, () -> service.list(null, ALL)).total());
    }

    @Test
    public void aSalespersonCannotGiveItsOpportunityToAnotherSalesperson() {
        Opportunity mine = as(ANNA, () -> service.get(a1));
        AccessDeniedException refused = callers.callAs(ANNA, () -> assertThrows(AccessDeniedException.class,
                () -> service.update(a1, change(mine, "Mine", "CT1", "B", "STD", null), null)));
        assertEquals(List.of("salespersonCode"), refused.errors().stream().map(FieldError::field).toList());
        assertEquals(mine, as(MIA, () -> service.get(a1)));

        Opportunity renamed = as(ANNA, () -> service.update(a1, change(mine, "Renamed", "CT1", "A", "STD", null),
                mine.version()));
        assertEquals("Renamed", renamed.description());
        assertEquals("a manager gives it to B", "B",
                as(MIA, () -> service.update(a1, change(renamed, "Renamed", "CT1", "B", "STD", null), null))
                        .salespersonCode());
        as(ANNA, () -> service.get(a1), NotFoundException.class);
    }

    @Test
    public void everyChangeOfAnotherSalespersonsOpportunityIsNotFound() {
        Opportunity theirs = as(MIA, () -> service.get(b1));
        as(ANNA, () -> service.move(b1, StageUpdate.of(OpportunityAction.NEXT), null), NotFoundException.class);
        as(ANNA, () -> service.move(b1, StageUpdate.of(OpportunityAction.NEXT), 1L), NotFoundException.class);
        as(ANNA, () -> service.update(b1, unchanged(theirs), null), NotFoundException.class);
        as(ANNA, () -> service.close(b1, closing(CloseOutcome.LOST, "PRICE", null, null), null),
                NotFoundException.class);
        as(ANNA, () -> service.activate(b1, null, null), NotFoundException.class);
        as(ANNA, () -> service.assignSalesQuote(b1, new SalesQuote("SQ1", d("100")), null), NotFoundException.class);
        as(ANNA, () -> service.removeSalesQuote(b1, null), NotFoundException.class);
        assertEquals("nothing changed", theirs, as(MIA, () -> service.get(b1)));

        Opportunity moved = as(ANNA, () -> service.move(a1, StageUpdate.of(OpportunityAction.NEXT), null));
        assertEquals(Integer.valueOf(3), moved.currentStage());
    }

    @Test
    public void onlyManagersDeleteAndEveryDeletionIsAudited() throws SQLException {
        as(ANNA, () -> service.delete(a2, null), AccessDeniedException.class);
        as(ANNA, () -> service.delete(b2, null), NotFoundException.class);
        as(ANNA, () -> service.delete("NOSUCH", null), NotFoundException.class);
        as(VIC, () -> service.delete(b2, null), AccessDeniedException.class);
        assertEquals(List.of(), AuditLines.ofKey(dataSource, b2));

        callers.runAs(MIA, () -> service.delete(b2, null));
        as(MIA, () -> service.get(b2), NotFoundException.class);
        List<String> lines = AuditLines.ofKey(dataSource, b2);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0), lines.get(0).startsWith("mia DELETE opportunity " + b2 + ": "));
        assertTrue(lines.get(0), lines.get(0).contains("salespersonCode: \"B\""));
        assertTrue(lines.get(0), lines.get(0).contains("status: \"LOST\""));
    }

    @Test
    public void aViewerReadsEverythingAndChangesNothing() {
        assertEquals(List.of(a1, b1, a2, b2, a3), numbers(VIC, OpportunityQuery.all()));
        assertEquals(as(MIA, () -> statistics.salesCycle("STD", null, null, null)),
                as(VIC, () -> statistics.salesCycle("STD", null, null, null)));
        Opportunity current = as(VIC, () -> service.get(a1));
        List<ThrowingRunnable> writes = List.of(
                () -> service.create(newOpportunity(null, "Mine", "CT1", null, "STD", null)),
                () -> service.update(a1, unchanged(current), null),
                () -> service.move(a1, StageUpdate.of(OpportunityAction.NEXT), null),
                () -> service.activate(a3, null, null),
                () -> service.close(a1, closing(CloseOutcome.LOST, "PRICE", null, null), null),
                () -> service.assignSalesQuote(a1, new SalesQuote("SQ1", d("100")), null),
                () -> service.removeSalesQuote(a1, null));
        for (ThrowingRunnable write : writes) {
            AccessDeniedException refused = callers.callAs(VIC, () -> assertThrows(AccessDeniedException.class,
                    write));
            assertEquals(List.of(Roles.OPPORTUNE_ADMIN, Roles.SALES_MANAGER, Roles.SALESPERSON),
                    refused.requiredRoles());
        }
        assertEquals("nothing written", current, as(MIA, () -> service.get(a1)));
        assertEquals(5, as(MIA, () -> service.list(null, ALL)).total());
    }

    @Test
    public void aSalesQuoteOfAnUnseenOpportunityIsNotNamed() {
        callers.runAs(MIA, () -> service.assignSalesQuote(b1, new SalesQuote("SQ7", d("100")), null));
        var refused = callers.callAs(ANNA, () -> assertThrows(RuntimeException.class,
                () -> service.assignSalesQuote(a1, new SalesQuote("SQ7", d("100")), null)));
        assertFalse(refused.getMessage(), refused.getMessage().contains(b1));
    }

    // ---- what stays unscoped, and what it costs ---------------------------------------------------

    @Test
    public void usageChecksCountEveryOpportunityWhoeverAsks() {
        SalespersonUsage salespersonUsage = new SalespersonUsage(store);
        ContactUsage contactUsage = new ContactUsage(store);
        assertEquals("salesperson B has 1 open opportunity",
                as(ANNA, () -> salespersonUsage.usageOf("B")).orElseThrow());
        assertEquals("contact CT1 has 3 open opportunities",
                as(CARL, () -> contactUsage.usageOf("CT1")).orElseThrow());
    }

    @Test
    public void aSalespersonCostsOneLookUpPerCallAndAManagerNone() {
        as(MIA, () -> service.list(null, ALL));
        as(MIA, () -> service.move(a1, StageUpdate.of(OpportunityAction.NEXT), null));
        as(MIA, () -> statistics.salesCycle("STD", null, null, null));
        assertEquals(0, salespeople.userNameLookups.get());

        as(ANNA, () -> service.list(null, ALL));
        assertEquals(1, salespeople.userNameLookups.get());
        Opportunity mine = as(ANNA, () -> service.get(a1));
        as(ANNA, () -> service.update(a1, change(mine, "Renamed", "CT1", "A", "STD", null), null));
        assertEquals(3, salespeople.userNameLookups.get());
        as(ANNA, () -> service.move(a1, StageUpdate.of(OpportunityAction.NEXT), null));
        as(ANNA, () -> statistics.salesCycle("STD", null, null, JAN_10));
        assertEquals(5, salespeople.userNameLookups.get());
    }
}
