package org.opportune.rest.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.Codes;
import org.opportune.api.opportunity.NewOpportunity;
import org.opportune.api.opportunity.OpportunityChange;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.rest.internal.json.ShownAmounts;

/**
 * An opportunity as a client sends it: the fields of {@link OpportunityDto}, so that a client can send back
 * what it read, plus on create only {@code activate} to start it at the first stage in the same transaction.
 * Only {@code no} (on create), {@code description}, {@code contactNo}, {@code salespersonCode},
 * {@code salesCycleCode} and {@code priority} are editable; the others belong to the server and are checked
 * here: left out on create, and on a change left out or as read (amounts also as shown: {@code 25.00} for a
 * stored {@code 25.00025}).
 */
public record OpportunityBody(String no, String description, String contactNo, String contactCompanyNo,
        String salespersonCode, String salesCycleCode, OpportunityPriority priority, LocalDate creationDate,
        OpportunityStatus status, Boolean closed, LocalDate dateClosed, Integer currentStage,
        BigDecimal estimatedValue, BigDecimal chancesOfSuccessPercent, BigDecimal completedPercent,
        BigDecimal probabilityPercent, BigDecimal calculatedCurrentValue, LocalDate estimatedCloseDate,
        String closeCode, SalesQuoteDto salesQuote, Integer daysIdle, Long version, String changedBy, Instant changedAt,
        @Schema(description = "On create only: start the opportunity at the first stage of its cycle")
        ActivationDto activate) {

    private static final String CANNOT_BE_SET = "is owned by the server and cannot be set";

    /** The opportunity as it is now, ready to be merge-patched. */
    public static OpportunityBody of(OpportunityDto o) {
        return new OpportunityBody(o.no(), o.description(), o.contactNo(), o.contactCompanyNo(), o.salespersonCode(),
                o.salesCycleCode(), o.priority(), o.creationDate(), o.status(), o.closed(), o.dateClosed(),
                o.currentStage(), o.estimatedValue(), o.chancesOfSuccessPercent(), o.completedPercent(),
                o.probabilityPercent(), o.calculatedCurrentValue(), o.estimatedCloseDate(), o.closeCode(),
                o.salesQuote(), o.daysIdle(), o.version(), o.changedBy(), o.changedAt(), null);
    }

    public NewOpportunity toNew() {
        return NewOpportunity.builder().no(no).description(description).contactNo(contactNo)
                .salespersonCode(salespersonCode).salesCycleCode(salesCycleCode).priority(priority)
                .activation(activate == null ? null : activate.toActivation()).build();
    }

    public OpportunityChange toChange() {
        return OpportunityChange.builder().description(description).contactNo(contactNo)
                .salespersonCode(salespersonCode).salesCycleCode(salesCycleCode).priority(priority).build();
    }

    /** On create every field the server owns is left out ({@code closed} may say false). */
    public void refuseServerOwned(ServerOwned owned) {
        owned.unset("contactCompanyNo", contactCompanyNo, "is derived from the contact and cannot be set")
                .unset("creationDate", creationDate, CANNOT_BE_SET)
                .unset("status", status, CANNOT_BE_SET);
        if (Boolean.TRUE.equals(closed)) {
            owned.add("closed", CANNOT_BE_SET);
        }
        owned.unset("dateClosed", dateClosed, CANNOT_BE_SET)
                .unset("currentStage", currentStage, CANNOT_BE_SET)
                .unset("estimatedValue", estimatedValue, CANNOT_BE_SET + "; give it with activate")
                .unset("chancesOfSuccessPercent", chancesOfSuccessPercent, CANNOT_BE_SET + "; give it with activate")
                .unset("completedPercent", completedPercent, CANNOT_BE_SET)
                .unset("probabilityPercent", probabilityPercent, CANNOT_BE_SET)
                .unset("calculatedCurrentValue", calculatedCurrentValue, CANNOT_BE_SET)
                .unset("estimatedCloseDate", estimatedCloseDate, CANNOT_BE_SET + "; give it with activate")
                .unset("closeCode", closeCode, CANNOT_BE_SET)
                .unset("salesQuote", salesQuote, CANNOT_BE_SET + "; link a quote once the opportunity is in progress")
                .unset("daysIdle", daysIdle, "is computed by the server and cannot be set")
                .unset("version", version).unset("changedBy", changedBy).unset("changedAt", changedAt);
    }

    /** On a change every field the server owns is left out or as read; {@code activate} is for a create. */
    public void refuseChanged(OpportunityDto current, ServerOwned owned) {
        if (activate != null) {
            owned.add("activate", "is taken on create only; start an existing opportunity with"
                    + " POST /opportunities/{no}/activate or /updates");
        }
        owned.key("no", no, current.no());
        if (contactCompanyNo != null && !contactCompanyNo.isBlank()
                && !Codes.normalise(contactCompanyNo).equals(current.contactCompanyNo())) {
            owned.add("contactCompanyNo", "is derived from the contact (" + current.contactCompanyNo()
                    + ") and cannot be set");
        }
        owned.same("creationDate", creationDate, current.creationDate())
                .same("status", status, current.status())
                .same("closed", closed, current.closed())
                .same("dateClosed", dateClosed, current.dateClosed())
                .same("currentStage", currentStage, current.currentStage())
                .sameAmount("estimatedValue", estimatedValue, current.estimatedValue())
                .sameNumber("chancesOfSuccessPercent", chancesOfSuccessPercent, current.chancesOfSuccessPercent())
                .sameNumber("completedPercent", completedPercent, current.completedPercent())
                .sameNumber("probabilityPercent", probabilityPercent, current.probabilityPercent())
                .sameAmount("calculatedCurrentValue", calculatedCurrentValue, current.calculatedCurrentValue())
                .same("estimatedCloseDate", estimatedCloseDate, current.estimatedCloseDate())
                .same("closeCode", closeCode, current.closeCode());
        if (salesQuote != null && !asRead(salesQuote, current.salesQuote())) {
            owned.add("salesQuote", "is changed only through the sales quote operations (current "
                    + (current.salesQuote() == null ? "none" : current.salesQuote().no() + " "
                            + current.salesQuote().amount().toPlainString()) + ")");
        }
        // computed as of today: a body read on another day must leave it out
        owned.same("daysIdle", daysIdle, current.daysIdle());
        owned.same("version", version, current.version()).same("changedBy", changedBy, current.changedBy())
                .same("changedAt", changedAt, current.changedAt());
    }

    private static boolean asRead(SalesQuoteDto given, SalesQuoteDto current) {
        return current != null && given.no() != null && given.no().equalsIgnoreCase(current.no())
                && given.amount() != null && (given.amount().compareTo(current.amount()) == 0
                        || given.amount().compareTo(ShownAmounts.shown(current.amount())) == 0);
    }
}
