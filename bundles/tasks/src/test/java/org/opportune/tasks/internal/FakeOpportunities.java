package org.opportune.tasks.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.opportune.api.Codes;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.CallerContext;
import org.opportune.api.opportunity.Closing;
import org.opportune.api.opportunity.NewOpportunity;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityChange;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.opportunity.UpdateOptions;
import org.opportune.api.rule.TransitionRuleInfo;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.tasks.internal.TestViews.TestOpportunity;

/**
 * Opportunities kept in a map, read with the opportunities module's ownership: a salesperson sees those of its own
 * salesperson only, a caller without role none.
 */
class FakeOpportunities implements OpportunityService {
    private final Map<String, Opportunity> opportunities = new ConcurrentHashMap<>();
    private final CallerContext callers;
    private final FakeSalespeople salespeople;

    FakeOpportunities(CallerContext callers, FakeSalespeople salespeople) {
        this.callers = callers;
        this.salespeople = salespeople;
    }

    Opportunity add(String no, String contactNo, String salespersonCode) {
        Opportunity opportunity = new TestOpportunity(no, contactNo, salespersonCode);
        opportunities.put(no, opportunity);
        return opportunity;
    }

    @Override
    public Optional<Opportunity> find(String no) {
        String key = Codes.normalise(no);
        return Optional.ofNullable(key == null ? null : opportunities.get(key)).filter(this::visible);
    }

    private boolean visible(Opportunity opportunity) {
        Caller caller = callers.current();
        if (caller.readsEverything()) {
            return true;
        }
        return caller.ownRecordsOnly() && salespeople.findByUserName(caller.userName()).map(Salesperson::code)
                .filter(opportunity.salespersonCode()::equals).isPresent();
    }

    @Override
    public Opportunity get(String no) {
        return find(no).orElseThrow(() -> new NotFoundException("opportunity", Codes.normalise(no)));
    }

    @Override
    public Opportunity create(NewOpportunity opportunity) {
        throw new AssertionError("tasks never create opportunities");
    }

    @Override
    public Page<Opportunity> list(OpportunityQuery query, PageRequest page) {
        throw new AssertionError("tasks never list opportunities");
    }

    @Override
    public Opportunity update(String no, OpportunityChange change, Long expectedVersion) {
        throw new AssertionError("tasks never change opportunities");
    }

    @Override
    public void delete(String no, Long expectedVersion) {
        throw new AssertionError("tasks never delete opportunities");
    }

    @Override
    public Opportunity activate(String no, LocalDate dateOfChange, boolean cancelOpenTasks, Long expectedVersion) {
        throw new AssertionError("tasks never move opportunities");
    }

    @Override
    public Opportunity move(String no, StageUpdate update, Long expectedVersion) {
        throw new AssertionError("tasks never move opportunities");
    }

    @Override
    public UpdateOptions updateOptions(String no) {
        throw new AssertionError("tasks never move opportunities");
    }

    @Override
    public Opportunity close(String no, Closing closing, Long expectedVersion) {
        throw new AssertionError("tasks never close opportunities");
    }

    @Override
    public Opportunity assignSalesQuote(String no, SalesQuote quote, Long expectedVersion) {
        throw new AssertionError("tasks never link quotes");
    }

    @Override
    public Opportunity removeSalesQuote(String no, Long expectedVersion) {
        throw new AssertionError("tasks never link quotes");
    }

    @Override
    public Page<OpportunityEntry> entries(String no, PageRequest page) {
        throw new AssertionError("tasks never read entries");
    }

    @Override
    public List<TransitionRuleInfo> transitionRules() {
        throw new AssertionError("tasks never read transition rules");
    }
}
