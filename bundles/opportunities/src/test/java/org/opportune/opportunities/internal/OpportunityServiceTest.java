package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.Test;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UnavailableException;
import org.opportune.api.ValidationException;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.NewOpportunity;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.api.opportunity.StageUpdate;

/** DOMAIN §2: creating, reading, listing, changing and deleting opportunities. */
public class OpportunityServiceTest extends OpportunityTestSupport {

    private static NewOpportunity input(String contactNo, String salespersonCode, String cycle) {
        return newOpportunity(null, "Deal", contactNo, salespersonCode, cycle, null);
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    // ---- create -----------------------------------------------------------------------------

    @Test
    public void createTakesTheContactsSalespersonAndCompany() {
        Opportunity created = service.create(newOpportunity(null, "  Big deal ", "ct2", "kim", "std",
                OpportunityPriority.HIGH));
        assertEquals("OP000001", created.no());
        assertEquals("Big deal", created.description());
        assertEquals("CT2", created.contactNo());
        assertEquals("CT1", created.contactCompanyNo());
        assertEquals("KIM", created.salespersonCode());
        assertEquals("STD", created.salesCycleCode());
        assertEquals(OpportunityPriority.HIGH, created.priority());
        assertEquals(JAN_10, created.creationDate());
        assertEquals(OpportunityStatus.NOT_STARTED, created.status());
        assertFalse(created.closed());
        assertNull(created.currentStage());
        assertNull(created.estimatedValue());
        assertNull(created.salesQuote());
        assertEquals(1L, created.version());
        assertEquals(created, service.get("op000001"));

        Opportunity defaulted = service.create(input("CT1", null, "STD"));
        assertEquals("OP000002", defaulted.no());
        assertEquals("JO", defaulted.salespersonCode());
        assertEquals("CT1", defaulted.contactCompanyNo());
        assertEquals(OpportunityPriority.NORMAL, defaulted.priority());

        Opportunity alone = service.create(input("CT4", "JO", "STD"));
        assertNull(alone.contactCompanyNo());
    }

    @Test
    public void numbersComeFromTheConfiguredSeriesAndSkipNumbersTakenByHand() {
        service.create(newOpportunity("op000001", "By hand", "CT1", null, "STD", null));
        assertEquals("OP000002", createOpportunity().no());
        ConflictException taken = assertThrows(ConflictException.class,
                () -> service.create(newOpportunity("OP000002", "Again", "CT1", null, "STD", null)));
        assertEquals("no", taken.errors().get(0).field());
        OpportunityServiceImpl other = new OpportunityServiceImpl(store, modules, callers, config("x-", 3));
        // one series: another prefix or width changes the text, the count goes on
        assertEquals("X-003", other.create(input("CT1", null, "STD")).no());
    }

    @Test
    public void createChecksTheFieldsAndReferences() {
        ValidationException blank = assertThrows(ValidationException.class,
                () -> service.create(newOpportunity(null, " ", null, null, null, null)));
        assertEquals(List.of("description", "contactNo", "salesCycleCode"), fields(blank));
        assertThrows(ValidationException.class,
                () -> service.create(newOpportunity(null, "x".repeat(101), "CT1", null, "STD", null)));
        assertEquals(List.of("contactNo"), fields(assertThrows(ValidationException.class,
                () -> service.create(input("CT99", null, "STD")))));
        assertEquals(List.of("salespersonCode"), fields(assertThrows(ValidationException.class,
                () -> service.create(input("CT1", "NOBODY", "STD")))));
        assertEquals(List.of("salespersonCode"), fields(assertThrows(ValidationException.class,
                () -> service.create(input("CT4", null, "STD")))));
        assertThrows(ConflictException.class, () -> service.create(input("CT1", "BL", "STD")));
        // the contact's salesperson is checked too
        assertThrows(ConflictException.class, () -> service.create(input("CT5", null, "STD")));
        assertEquals(List.of("salesCycleCode"), fields(assertThrows(ValidationException.class,
                () -> service.create(input("CT1", null, "NOPE")))));
        ConflictException blocked = assertThrows(ConflictException.class,
                () -> service.create(input("CT1", null, "OLD")));
        assertEquals("salesCycleCode", blocked.errors().get(0).field());
        assertEquals(0, service.list(null, PageRequest.first()).total());
    }

    @Test
    public void createNeedsTheOtherModules() {
        modules.contacts = null;
        UnavailableException e = assertThrows(UnavailableException.class,
                () -> service.create(input("CT1", null, "STD")));
        assertTrue(e.getMessage(), e.getMessage().contains("contacts module"));
        modules.contacts = contacts;
        modules.salespeople = null;
        assertThrows(UnavailableException.class, () -> service.create(input("CT1", null, "STD")));
        modules.salespeople = salespeople;
        modules.cycles = null;
        assertThrows(UnavailableException.class, () -> service.create(input("CT1", null, "STD")));
        assertEquals(0, service.list(null, PageRequest.first()).total());
    }

    @Test
    public void readsListsAndEntriesWorkWithoutTheOtherModules() {
        Opportunity opportunity = started();
        modules.contacts = null;
        modules.salespeople = null;
        modules.cycles = null;
        modules.closeCodes = null;
        assertEquals(opportunity, service.get(opportunity.no()));
        assertEquals(1, service.list(OpportunityQuery.all(), PageRequest.first()).total());
        assertEquals(1, entries(opportunity.no()).size());
        service.update(opportunity.no(), change(opportunity, "Renamed", opportunity.contactNo(),
                opportunity.salespersonCode(), opportunity.salesCycleCode(), OpportunityPriority.LOW), null);
        assertEquals("Renamed", service.get(opportunity.no()).description());
    }

    @Test
    public void findAndGet() {
        assertEquals(Optional.empty(), service.find("OP000001"));
        assertEquals(Optional.empty(), service.find(" "));
        NotFoundException e = assertThrows(NotFoundException.class, () -> service.get("op1"));
        assertEquals("opportunity", e.resource());
        assertEquals("OP1", e.key());
    }

    // ---- update -------------------------------------------------------------------------------

    @Test
    public void updateChangesTheEditableFields() {
        Opportunity opportunity = createOpportunity();
        Opportunity changed = service.update(opportunity.no(), change(opportunity, "New text", "CT3", "KIM", "STD",
                OpportunityPriority.LOW), opportunity.version());
        assertEquals("New text", changed.description());
        assertEquals("CT3", changed.contactNo());
        assertEquals("CT3", changed.contactCompanyNo());
        assertEquals("KIM", changed.salespersonCode());
        assertEquals(OpportunityPriority.LOW, changed.priority());
        assertEquals(opportunity.version() + 1, changed.version());
        // nothing changed: the version stays
        assertEquals(changed.version(), service.update(opportunity.no(), unchanged(changed), changed.version())
                .version());
        assertThrows(StaleVersionException.class,
                () -> service.update(opportunity.no(), unchanged(changed), opportunity.version()));
        assertThrows(NotFoundException.class, () -> service.update("OP999", unchanged(changed), null));
    }

    @Test
    public void anOpportunityPastVersion127CanStillBeChanged() {
        // Long.valueOf shares instances up to 127 only: from 128 on, two reads of one version are two Longs
        Opportunity opportunity = createOpportunity();
        String no = opportunity.no();
        for (int change = 1; opportunity.version() <= 130; change++) {
            opportunity = service.update(no, change(opportunity, "Deal " + change, "CT1", "JO", "STD", null), null);
        }
        // as PATCH without If-Match: the version just read is expected
        Opportunity read = service.get(no);
        Opportunity patched = service.update(no, change(read, "Patched", "CT1", "JO", "STD", null),
                read.version());
        assertEquals("Patched", patched.description());
        assertEquals(read.version() + 1, patched.version());
        // as PUT with If-Match: the expected version is parsed from the header
        Opportunity put = service.update(no, change(patched, "Put", "CT1", "JO", "STD", null),
                Long.valueOf(String.valueOf(patched.version())));
        assertEquals("Put", put.description());
        // as PUT without If-Match: no version checked
        assertEquals("Unchecked", service.update(no, change(put, "Unchecked", "CT1", "JO", "STD", null),
                null).description());
        // a stale version past 127 is still refused
        assertThrows(StaleVersionException.class, () -> service.update(no, unchanged(read), read.version()));
    }

    @Test
    public void theCycleChangesOnlyWhileNotStarted() {
        cycles.add("ALT", "ADD", false, FakeCycles.stage(1, "One", "50", "50", null, false, false));
        Opportunity opportunity = createOpportunity();
        Opportunity moved = service.update(opportunity.no(), change(opportunity, "Deal", "CT1", "JO", "alt", null),
                null);
        assertEquals("ALT", moved.salesCycleCode());
        assertThrows(ConflictException.class, () -> service.update(opportunity.no(),
                change(moved, "Deal", "CT1", "JO", "OLD", null), null));

        Opportunity started = started();
        ConflictException e = assertThrows(ConflictException.class, () -> service.update(started.no(),
                change(started, "Deal", "CT1", "JO", "ALT", null), null));
        assertEquals("salesCycleCode", e.errors().get(0).field());
    }

    @Test
    public void afterTheStartANewContactMustBelongToTheSameCompany() {
        Opportunity opportunity = started();
        Opportunity person = service.update(opportunity.no(), change(opportunity, "Deal", "CT2", "JO", "STD", null),
                null);
        assertEquals("CT2", person.contactNo());
        assertEquals("CT1", person.contactCompanyNo());
        ConflictException e = assertThrows(ConflictException.class, () -> service.update(opportunity.no(),
                change(person, "Deal", "CT3", "JO", "STD", null), null));
        assertEquals("contactNo", e.errors().get(0).field());
        assertThrows(ValidationException.class, () -> service.update(opportunity.no(),
                change(person, "Deal", "CT99", "JO", "STD", null), null));
        // new entries carry the new contact
        service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null);
        assertEquals("CT2", lastEntry(opportunity.no()).contactNo());
        assertEquals("CT1", entries(opportunity.no()).get(0).contactNo());
    }

    @Test
    public void contactAndSalespersonCannotChangeOnceClosedButTheDescriptionCan() {
        Opportunity opportunity = started();
        Opportunity closed = service.close(opportunity.no(), closing(CloseOutcome.LOST, "PRICE", null, null),
                null);
        assertThrows(ConflictException.class, () -> service.update(opportunity.no(),
                change(closed, "Deal", "CT2", "JO", "STD", null), null));
        assertThrows(ConflictException.class, () -> service.update(opportunity.no(),
                change(closed, "Deal", "CT1", "KIM", "STD", null), null));
        Opportunity renamed = service.update(opportunity.no(),
                change(closed, "Lost to a competitor", "CT1", "JO", "STD", OpportunityPriority.LOW), null);
        assertEquals("Lost to a competitor", renamed.description());
        assertTrue(renamed.closed());
    }

    @Test
    public void theSalespersonIsNeverClearedAndMustBeAssignable() {
        Opportunity opportunity = createOpportunity();
        ValidationException cleared = assertThrows(ValidationException.class, () -> service.update(opportunity.no(),
                change(opportunity, "Deal", "CT1", null, "STD", null), null));
        assertEquals(List.of("salespersonCode"), fields(cleared));
        assertThrows(ConflictException.class, () -> service.update(opportunity.no(),
                change(opportunity, "Deal", "CT1", "BL", "STD", null), null));
        assertThrows(ValidationException.class, () -> service.update(opportunity.no(),
                change(opportunity, "Deal", "CT1", "NOBODY", "STD", null), null));
    }

    @Test
    public void whatWasReadCanBeSentBackAsItIs() {
        Opportunity opportunity = started();
        assertEquals(opportunity, service.update(opportunity.no(), unchanged(opportunity), opportunity.version()));
    }

    // ---- delete -------------------------------------------------------------------------------

    @Test
    public void onlyNotStartedOrClosedOpportunitiesAreDeleted() {
        Opportunity notStarted = createOpportunity();
        service.delete(notStarted.no(), notStarted.version());
        assertTrue(service.find(notStarted.no()).isEmpty());

        Opportunity inProgress = started();
        ConflictException e = assertThrows(ConflictException.class, () -> service.delete(inProgress.no(), null));
        assertTrue(e.getMessage(), e.getMessage().contains("in progress"));

        Opportunity closed = service.close(inProgress.no(), closing(CloseOutcome.WON, "WIN1", null, d("5")),
                null);
        assertThrows(StaleVersionException.class, () -> service.delete(inProgress.no(), inProgress.version()));
        service.delete(inProgress.no(), closed.version());
        assertThrows(NotFoundException.class, () -> service.entries(inProgress.no(), PageRequest.first()));
        assertThrows(NotFoundException.class, () -> service.delete(inProgress.no(), null));
        assertEquals(0L, (long) store.jpa().read(em -> em.createQuery("SELECT COUNT(e) FROM OpportunityEntryEntity e",
                Long.class).getSingleResult()));
    }

    // ---- list and entries ---------------------------------------------------------------------

    @Test
    public void listFiltersByEveryField() {
        Opportunity a = service.create(newOpportunity(null, "Alpha order", "CT1", null, "STD",
                OpportunityPriority.HIGH));
        clock.set(JAN_10.plusDays(5));
        Opportunity b = service.create(newOpportunity(null, "Beta", "CT2", "KIM", "STD", null,
                activation(null, d("100"), d("10"), LocalDate.of(2024, 3, 1))));
        cycles.add("ALT", "ADD", false, FakeCycles.stage(5, "Five", "50", "50", null, false, false));
        Opportunity c = service.create(newOpportunity(null, "Gamma", "CT3", null, "ALT", OpportunityPriority.LOW,
                activation(null, d("100"), d("10"), LocalDate.of(2024, 4, 1))));
        service.close(c.no(), closing(CloseOutcome.LOST, "PRICE", null, null), null);

        assertEquals(List.of(a.no()), nos(query("alpha", null, null, null, null, null, null, null, null)));
        assertEquals(List.of(b.no()), nos(query(b.no().toLowerCase(), null, null, null, null, null, null, null,
                null)));
        assertEquals(List.of(b.no()), nos(OpportunityQuery.all().withStatus(OpportunityStatus.IN_PROGRESS)));
        assertEquals(List.of(a.no(), b.no()), nos(OpportunityQuery.all().withClosed(false)));
        assertEquals(List.of(b.no(), c.no()), nos(query(null, "kim", null, null, null, null, null, null, null)));
        assertEquals(List.of(b.no()), nos(query(null, null, "ct2", null, null, null, null, null, null)));
        assertEquals(List.of(a.no(), b.no()), nos(query(null, null, null, "CT1", null, null, null, null, null)));
        assertEquals(List.of(c.no()), nos(query(null, null, null, null, "alt", null, null, null, null)));
        assertEquals(List.of(b.no()), nos(query(null, null, null, null, null, 1, null, null, null)));
        assertEquals(List.of(c.no()), nos(query(null, null, null, null, null, 0, null, null, null)));
        assertEquals(List.of(c.no()), nos(OpportunityQuery.all().withPriority(OpportunityPriority.LOW)));
        assertEquals(List.of(b.no(), c.no()), nos(query(null, null, null, null, null, null, JAN_10.plusDays(1),
                null, null)));
        assertEquals(List.of(a.no()), nos(OpportunityQuery.all().withCreationDates(null, JAN_10)));
        assertEquals(List.of(b.no()), nos(query(null, null, null, null, null, null, null, LocalDate.of(2024, 2, 1),
                LocalDate.of(2024, 3, 1))));
    }

    private static OpportunityQuery query(String text, String salesperson, String contact, String company,
            String cycle, Integer stage, LocalDate createdFrom, LocalDate ecdFrom, LocalDate ecdTo) {
        return OpportunityQuery.all().withText(text).withSalespersonCode(salesperson).withContactNo(contact)
                .withContactCompanyNo(company).withSalesCycleCode(cycle).withCurrentStage(stage)
                .withCreationDates(createdFrom, null).withEstimatedCloseDates(ecdFrom, ecdTo);
    }

    private List<String> nos(OpportunityQuery query) {
        return service.list(query, PageRequest.first()).items().stream().map(Opportunity::no).toList();
    }

    @Test
    public void listSortsAndPages() {
        for (String description : List.of("C", "A", "B")) {
            service.create(newOpportunity(null, description, "CT1", null, "STD", null));
        }
        Page<Opportunity> page = service.list(null, PageRequest.of(1, 1, "-description"));
        assertEquals(3, page.total());
        assertEquals(List.of("B"), page.items().stream().map(Opportunity::description).toList());
        for (String field : org.opportune.api.opportunity.OpportunityService.SORT_FIELDS) {
            assertEquals(3, service.list(null, PageRequest.of(0, 10, field)).items().size());
        }
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.list(null, PageRequest.of(0, 10, "nope")));
        assertEquals("sort", e.errors().get(0).field());
    }

    /** The items without a count (keys first, then the rows) are the page's items, in the page's order. */
    @Test
    public void listItemsAreThePagesItemsInOrder() {
        for (String description : List.of("C", "A", "B", "A")) {
            service.create(newOpportunity(null, description, "CT1", null, "STD", null));
        }
        for (String sort : List.of("-description", "description,-no", "-no")) {
            for (int offset = 0; offset < 5; offset++) {
                PageRequest page = PageRequest.of(offset, 2, sort);
                assertEquals(service.list(null, page).items(), service.listItems(null, page));
            }
        }
        assertEquals(List.of(), service.listItems(OpportunityQuery.all().withText("nothing like it"),
                PageRequest.first()));
        assertThrows(ValidationException.class, () -> service.listItems(null, PageRequest.of(0, 10, "nope")));
    }

    @Test
    public void entriesAreListedOldestFirstAndPaged() {
        Opportunity opportunity = startedAt(3);
        List<OpportunityEntry> entries = entries(opportunity.no());
        assertEquals(List.of(1, 2, 3), entries.stream().map(OpportunityEntry::stage).toList());
        Page<OpportunityEntry> newest = service.entries(opportunity.no(), PageRequest.of(0, 1, "-entryNo"));
        assertEquals(3, newest.total());
        assertEquals(3, newest.items().get(0).stage());
        assertThrows(ValidationException.class, () -> service.entries(opportunity.no(), PageRequest.of(0, 1, "x")));
        assertThrows(NotFoundException.class, () -> service.entries("OP999", PageRequest.first()));
    }

    // ---- codes --------------------------------------------------------------------------------

    @Test
    public void aTurkishServerSpellsCodesAsEveryOtherDoes() {
        salespeople.add("TIM", false);
        Locale defaultLocale = Locale.getDefault();
        Locale.setDefault(new Locale("tr", "TR")); // where "i".toUpperCase() is "İ"
        try {
            Opportunity created = service.create(input("ct1", "tim", "std"));
            assertEquals("TIM", created.salespersonCode());
            assertEquals(List.of(created.no()), nos(OpportunityQuery.all().withSalespersonCode("tim")));
            OpportunityServiceImpl prefixed = new OpportunityServiceImpl(store, modules, callers, config("li-", 3));
            assertEquals("LI-002", prefixed.create(input("CT1", null, "STD")).no());
        } finally {
            Locale.setDefault(defaultLocale);
        }
    }

    @Test
    public void aBlankKeyNamesNoOpportunityAndABlankFilterFiltersNothing() {
        Opportunity opportunity = createOpportunity();
        assertThrows(NotFoundException.class, () -> service.get(" "));
        assertThrows(NotFoundException.class, () -> service.update(" ", unchanged(opportunity), null));
        assertThrows(NotFoundException.class, () -> service.delete(" ", null));
        assertEquals(List.of(opportunity.no()), nos(OpportunityQuery.all().withSalespersonCode(" ").withContactNo(" ")
                .withContactCompanyNo(" ").withSalesCycleCode(" ")));
    }
}
