package org.opportune.api.opportunity;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.opportune.api.ConflictException;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UnavailableException;
import org.opportune.api.ValidationException;
import org.opportune.api.rule.TransitionRule;
import org.opportune.api.rule.TransitionRuleInfo;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Opportunities and their entry history: the processing engine of DOMAIN §2–§6. Each call is one
 * transaction; a refused call writes nothing. Sortable fields: {@link #SORT_FIELDS} for
 * opportunities, {@link #ENTRY_SORT_FIELDS} for entries.
 * <p>
 * Refusals: {@link ValidationException} (400) for input invalid in itself or naming something
 * unknown; {@link ConflictException} (409) for what the current state does not allow, with
 * {@link ConflictException#rules()} naming every {@link TransitionRule} that refused;
 * {@link NotFoundException} (404) for an unknown opportunity no.; {@link StaleVersionException}
 * (412) when {@code expectedVersion} is not the current version; {@link UnavailableException}
 * (503) when a module the call needs (contacts, salespeople, cycles) or the cycle's probability
 * model is not available.
 * <p>
 * Every committed change is posted on OSGi EventAdmin, see {@link OpportunityEvents}; every move
 * (activation, update, close) is offered to the registered {@link MoveParticipant}s inside its
 * transaction. The caller bound in {@link org.opportune.api.caller.CallerContext} is recorded as
 * {@code changedBy} on the opportunity and on the entries a call writes.
 */
@ProviderType
public interface OpportunityService {
    List<String> SORT_FIELDS = List.of("no", "description", "contactNo", "contactCompanyNo", "salespersonCode",
            "salesCycleCode", "priority", "creationDate", "status", "closed", "dateClosed", "currentStage",
            "estimatedValue", "chancesOfSuccessPercent", "completedPercent", "probabilityPercent",
            "calculatedCurrentValue", "estimatedCloseDate");

    /** Entries are listed oldest first ({@code entryNo}) unless sorted otherwise. */
    List<String> ENTRY_SORT_FIELDS = List.of("entryNo", "dateOfChange", "stage");

    /**
     * Service property of a {@link java.time.Clock} service that the opportunities module then
     * takes "today" from instead of the system clock in UTC (for tests that need fixed dates).
     */
    String CLOCK_PROPERTY = "opportune.clock";

    /**
     * Creates an opportunity, not started, or started at the lowest stage of its cycle in the same
     * transaction when it names an {@link NewOpportunity#activation() activation}.
     *
     * @throws ValidationException  a field is invalid, the contact, salesperson or cycle does not
     *                              exist, an activation value is missing or out of range
     * @throws ConflictException    the no. is taken, the salesperson or cycle is blocked, the cycle
     *                              has no stages (activation), or a transition rule refuses the start
     * @throws UnavailableException the contacts, salespeople or cycles module or the cycle's
     *                              probability model is not available
     */
    Opportunity create(NewOpportunity opportunity);

    /** @return the opportunity, matched case-insensitively on the no. */
    Optional<Opportunity> find(String no);

    /** @throws NotFoundException there is no such opportunity */
    Opportunity get(String no);

    Page<Opportunity> list(OpportunityQuery query, PageRequest page);

    /**
     * The opportunities of the page {@link #list} gives, without counting every match: for a caller that shows no
     * total (a report's first rows), where the count would cost more than the rows.
     *
     * @since 2.1
     */
    default List<Opportunity> listItems(OpportunityQuery query, PageRequest page) {
        return list(query, page).items();
    }

    /**
     * Replaces every editable field (DOMAIN §2): the cycle may change only while not started; the
     * contact and salesperson cannot change once closed; after the start a new contact must belong
     * to the same company; the salesperson can never be cleared.
     *
     * @param expectedVersion the version the client read, or null to skip the check
     * @throws StaleVersionException the opportunity changed meanwhile
     */
    Opportunity update(String no, OpportunityChange change, Long expectedVersion);

    /**
     * Deletes a not-started or closed opportunity with its entries.
     *
     * @throws ConflictException the opportunity is in progress
     */
    void delete(String no, Long expectedVersion);

    /**
     * "Activate first stage": the first entry at the lowest stage, estimated value 0, the stage's
     * chances, calculated current value 0, estimated close date = date of change + the stage's formula.
     *
     * @param dateOfChange    today when null
     * @param cancelOpenTasks cancel the opportunity's open tasks first (DOMAIN §10), in the same transaction
     * @throws ConflictException the opportunity is started or closed, or its cycle has no stages
     */
    Opportunity activate(String no, LocalDate dateOfChange, boolean cancelOpenTasks, Long expectedVersion);

    /** {@link #activate(String, LocalDate, boolean, Long)} keeping the open tasks. */
    default Opportunity activate(String no, LocalDate dateOfChange, Long expectedVersion) {
        return activate(no, dateOfChange, false, expectedVersion);
    }

    /**
     * Moves the opportunity through its cycle (DOMAIN §4–§5), appending an entry.
     *
     * @throws ValidationException  a given value is invalid in itself (estimated value ≤ 0, chances
     *                              ≤ 0 or > 100, estimated close date before the date of change given with it)
     * @throws ConflictException    the opportunity is closed, the stage is not a candidate, the date
     *                              of change is before the last one, a defaulted value is not valid,
     *                              or transition rules refuse (all of them named)
     * @throws UnavailableException the cycles module or the cycle's probability model is not available
     */
    Opportunity move(String no, StageUpdate update, Long expectedVersion);

    /**
     * For each action, whether it is possible now, its candidate stages and its defaults: the same
     * checks as {@link #move}, without writing anything.
     *
     * @throws NotFoundException    there is no such opportunity
     * @throws UnavailableException the cycles module is not available
     */
    UpdateOptions updateOptions(String no);

    /**
     * Closes the opportunity as won or lost with a closing entry.
     *
     * @throws ValidationException the outcome or close code is missing, the code is unknown or of
     *                             the other type, a WON value is missing or ≤ 0 without a quote
     * @throws ConflictException   the opportunity is closed already, or the closing date is before
     *                             the last date of change
     */
    Opportunity close(String no, Closing closing, Long expectedVersion);

    /**
     * Links a sales quote, replacing the one linked before.
     *
     * @throws ValidationException the quote's no. or amount is missing or invalid
     * @throws ConflictException   the opportunity is not in progress, or the quote is linked to
     *                             another opportunity
     */
    Opportunity assignSalesQuote(String no, SalesQuote quote, Long expectedVersion);

    /**
     * @throws NotFoundException there is no such opportunity, or it has no sales quote
     * @throws ConflictException the opportunity is closed
     */
    Opportunity removeSalesQuote(String no, Long expectedVersion);

    /**
     * @return the entry history, oldest first unless sorted otherwise
     * @throws NotFoundException there is no such opportunity
     */
    Page<OpportunityEntry> entries(String no, PageRequest page);

    /** @return the transition rules registered right now, by name and then precedence */
    List<TransitionRuleInfo> transitionRules();
}
