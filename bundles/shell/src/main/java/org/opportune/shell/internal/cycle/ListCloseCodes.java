package org.opportune.shell.internal.cycle;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opportune.api.Page;
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeQuery;
import org.opportune.api.cycle.CloseOpportunityCodeService;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.shell.internal.OptionValues;
import org.opportune.shell.internal.PagedListCommand;

@Service
@Command(scope = "closecode", name = "list", description = "Lists close opportunity codes, a page at a time")
public class ListCloseCodes extends PagedListCommand {

    @Reference(optional = true)
    private CloseOpportunityCodeService closeCodes;

    @Option(name = "-q", aliases = "--query", description = "Only codes whose code or description contains this text")
    String text;

    @Option(name = "--type", description = "Only codes of this type: WON or LOST")
    @Completion(CloseCodeTypeCompleter.class)
    String type;

    @Override
    protected void run() {
        CloseOpportunityCodeQuery query = new CloseOpportunityCodeQuery(text,
                OptionValues.oneOf("type", type, CloseOpportunityCodeType.class));
        Page<CloseOpportunityCode> page = require(closeCodes, "cycles").list(query, pageRequest());
        ShellTable table = new ShellTable();
        table.column("Code");
        table.column("Type");
        table.column("Description");
        for (CloseOpportunityCode closeCode : page.items()) {
            table.addRow().addContent(closeCode.code(), closeCode.type(), closeCode.description());
        }
        print(table, page);
    }
}
