package org.opportune.opportunities.internal;

import java.math.BigDecimal;
import java.util.Objects;

import org.opportune.api.Codes;
import org.opportune.api.Violations;
import org.opportune.api.contact.Contact;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.api.salesperson.Salesperson;

/** Checks of an opportunity as a client sends it: the editable fields and the server-owned ones. */
final class OpportunityFields {
    private OpportunityFields() {
    }

    /** @param create on create the salesperson may be left out (it defaults to the contact's) */
    static void checkEditable(Violations violations, Opportunity input, boolean create) {
        violations.requiredText("description", trimmed(input.description()), Opportunity.DESCRIPTION_LENGTH)
                .requiredText("contactNo", trimmed(input.contactNo()), Contact.NO_LENGTH);
        if (create) {
            violations.maxLength("salespersonCode", trimmed(input.salespersonCode()), Salesperson.CODE_LENGTH);
        } else if (input.salespersonCode() == null || input.salespersonCode().isBlank()) {
            violations.add("salespersonCode", "is required: the salesperson can never be cleared");
        } else {
            violations.maxLength("salespersonCode", trimmed(input.salespersonCode()), Salesperson.CODE_LENGTH);
        }
        violations.requiredText("salesCycleCode", trimmed(input.salesCycleCode()), SalesCycle.CODE_LENGTH);
    }

    /** On create every server-owned field must be left out ({@code contactCompanyNo} is checked once derived). */
    static void checkServerOwnedOnCreate(Violations violations, Opportunity input) {
        String owned = "is owned by the server and cannot be set";
        unset(violations, "creationDate", input.creationDate(), owned);
        unset(violations, "status", input.status(), owned);
        if (Boolean.TRUE.equals(input.closed())) {
            violations.add("closed", owned);
        }
        unset(violations, "dateClosed", input.dateClosed(), owned);
        unset(violations, "currentStage", input.currentStage(), owned);
        unset(violations, "estimatedValue", input.estimatedValue(), owned + "; give it with activate");
        unset(violations, "chancesOfSuccessPercent", input.chancesOfSuccessPercent(),
                owned + "; give it with activate");
        unset(violations, "completedPercent", input.completedPercent(), owned);
        unset(violations, "probabilityPercent", input.probabilityPercent(), owned);
        unset(violations, "calculatedCurrentValue", input.calculatedCurrentValue(), owned);
        unset(violations, "estimatedCloseDate", input.estimatedCloseDate(), owned + "; give it with activate");
        unset(violations, "closeCode", input.closeCode(), owned);
        unset(violations, "salesQuote", input.salesQuote(), owned + "; link a quote once the opportunity is in progress");
        unset(violations, "version", input.version(), "is set by the server");
    }

    /** On update a server-owned field may be left out or echo its current value. */
    static void checkServerOwned(Violations violations, Opportunity input, Opportunity current) {
        same(violations, "creationDate", input.creationDate(), current.creationDate());
        same(violations, "status", input.status(), current.status());
        same(violations, "closed", input.closed(), current.closed());
        same(violations, "dateClosed", input.dateClosed(), current.dateClosed());
        same(violations, "currentStage", input.currentStage(), current.currentStage());
        sameNumber(violations, "estimatedValue", input.estimatedValue(), current.estimatedValue());
        sameNumber(violations, "chancesOfSuccessPercent", input.chancesOfSuccessPercent(),
                current.chancesOfSuccessPercent());
        sameNumber(violations, "completedPercent", input.completedPercent(), current.completedPercent());
        sameNumber(violations, "probabilityPercent", input.probabilityPercent(), current.probabilityPercent());
        sameNumber(violations, "calculatedCurrentValue", input.calculatedCurrentValue(),
                current.calculatedCurrentValue());
        same(violations, "estimatedCloseDate", input.estimatedCloseDate(), current.estimatedCloseDate());
        same(violations, "closeCode", input.closeCode(), current.closeCode());
        SalesQuote quote = input.salesQuote();
        if (quote != null && (current.salesQuote() == null || !current.salesQuote().no().equalsIgnoreCase(
                String.valueOf(quote.no())) || !sameNumber(quote.amount(), current.salesQuote().amount()))) {
            violations.add("salesQuote", "is changed only through the sales quote operations (current "
                    + current.salesQuote() + ")");
        }
        same(violations, "version", input.version(), current.version());
    }

    private static void unset(Violations violations, String field, Object value, String message) {
        if (value != null) {
            violations.add(field, message);
        }
    }

    private static void same(Violations violations, String field, Object given, Object current) {
        if (given != null && !given.equals(current)) {
            violations.add(field, "is owned by the server (current " + current + ")");
        }
    }

    private static void sameNumber(Violations violations, String field, BigDecimal given, BigDecimal current) {
        if (given != null && !sameNumber(given, current)) {
            violations.add(field, "is owned by the server (current "
                    + (current == null ? null : current.toPlainString()) + ")");
        }
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    static String trimmed(String text) {
        return text == null ? null : text.trim();
    }

    static boolean sameCode(String a, String b) {
        return Objects.equals(Codes.normalise(a), Codes.normalise(b));
    }
}
