package org.opportune.shell.internal.cycle;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeService;
import org.opportune.shell.internal.OpportuneCommand;

@Service
@Command(scope = "closecode", name = "delete",
        description = "Deletes a close opportunity code; refused while an opportunity entry uses it")
public class DeleteCloseCode extends OpportuneCommand {

    @Reference(optional = true)
    private CloseOpportunityCodeService closeCodes;

    @Argument(index = 0, name = "code", description = "The close opportunity code", required = true)
    @Completion(CloseCodeCompleter.class)
    String code;

    @Override
    protected void run() {
        CloseOpportunityCodeService service = require(closeCodes, "cycles");
        CloseOpportunityCode current = service.get(code);
        service.delete(current.code(), current.version());
        System.out.println("Deleted close opportunity code " + current.code());
    }
}
