package org.opportune.shell.internal.salesperson;

import java.math.BigDecimal;
import java.util.function.Consumer;

import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.api.salesperson.SalespersonValues;
import org.opportune.shell.internal.OpportuneCommand;

/** Base of the commands that take a salesperson's fields as options (add, update). */
public abstract class SalespersonFields extends OpportuneCommand {

    @Reference(optional = true)
    private SalespersonService salespeople;

    @Option(name = "--email", description = "E-mail address")
    String email;

    @Option(name = "--phone", description = "Phone number")
    String phone;

    @Option(name = "--job-title", description = "Job title")
    String jobTitle;

    @Option(name = "--commission", description = "Commission percentage, 0 to 100")
    BigDecimal commissionPercent;

    @Option(name = "--user-name", description = "The login (JAAS user name) that acts as this salesperson,"
            + " one salesperson per login; \"\" for none")
    String userName;

    /** @throws org.opportune.api.UnavailableException the salespeople module is not running */
    protected SalespersonService salespeople() {
        return require(salespeople, "salespeople");
    }

    /** Sets the fields given as options and keeps the others; an empty text clears its field. */
    protected SalespersonValues.Builder given(SalespersonValues.Builder values) {
        text(email, values::email);
        text(phone, values::phone);
        text(jobTitle, values::jobTitle);
        text(userName, values::userName);
        if (commissionPercent != null) {
            values.commissionPercent(commissionPercent);
        }
        return values;
    }

    /** Sets a field to the text of its option when the option is given; a blank text clears the field. */
    protected static void text(String given, Consumer<String> field) {
        if (given != null) {
            field.accept(given.isBlank() ? null : given);
        }
    }
}
