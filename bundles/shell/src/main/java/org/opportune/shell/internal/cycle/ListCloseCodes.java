package org.opportune.shell.internal.cycle;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeQuery;
import org.opportune.api.cycle.CloseOpportunityCodeService;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.shell.internal.OptionValues;
import org.opportune.shell.internal.RecordTable;
import org.opportune.shell.internal.TextListCommand;

@Service
@Command(scope = "closecode", name = "list", description = "Lists close opportunity codes, a page at a time")
public class ListCloseCodes extends TextListCommand {

    @Reference(optional = true)
    private CloseOpportunityCodeService closeCodes;

    @Option(name = "--type", description = "Only codes of this type: WON or LOST")
    @Completion(CloseCodeTypeCompleter.class)
    String type;

    @Override
    protected void run() {
        CloseOpportunityCodeQuery query = CloseOpportunityCodeQuery.all().withText(text)
                .withType(OptionValues.oneOf("type", type, CloseOpportunityCodeType.class));
        print(new RecordTable<CloseOpportunityCode>()
                .column("Code", CloseOpportunityCode::code)
                .column("Type", CloseOpportunityCode::type)
                .column("Description", CloseOpportunityCode::description),
                require(closeCodes, "cycles").list(query, pageRequest()));
    }
}
