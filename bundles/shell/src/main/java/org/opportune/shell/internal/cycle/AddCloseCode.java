package org.opportune.shell.internal.cycle;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.cycle.CloseCodeValues;
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeService;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.shell.internal.OpportuneCommand;
import org.opportune.shell.internal.OptionValues;

@Service
@Command(scope = "closecode", name = "add", description = "Adds a close opportunity code for won or lost opportunities")
public class AddCloseCode extends OpportuneCommand {

    @Reference(optional = true)
    private CloseOpportunityCodeService closeCodes;

    @Argument(index = 0, name = "code", description = "The new code, up to 10 characters (stored upper-case)",
            required = true)
    String code;

    @Argument(index = 1, name = "type", description = "WON or LOST", required = true)
    @Completion(CloseCodeTypeCompleter.class)
    String type;

    @Argument(index = 2, name = "description",
            description = "The description, up to 100 characters (quote it when it has spaces)", required = true)
    String description;

    @Override
    protected void run() {
        CloseOpportunityCode created = require(closeCodes, "cycles").create(code, CloseCodeValues.builder()
                .description(description).type(OptionValues.oneOf("type", type, CloseOpportunityCodeType.class))
                .build());
        System.out.println("Created close opportunity code " + created.code() + " (" + created.type() + ")");
    }
}
