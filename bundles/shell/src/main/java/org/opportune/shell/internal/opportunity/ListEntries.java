package org.opportune.shell.internal.opportunity;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.shell.internal.PagedListCommand;
import org.opportune.shell.internal.RecordTable;

@Service
@Command(scope = "opportunity", name = "entries",
        description = "Lists the entry history of an opportunity, oldest first, a page at a time")
public class ListEntries extends PagedListCommand {

    @Reference(optional = true)
    private OpportunityService opportunities;

    @Argument(index = 0, name = "no", description = "The opportunity's no.", required = true)
    @Completion(OpportunityNoCompleter.class)
    String no;

    @Override
    protected void run() {
        print(new RecordTable<OpportunityEntry>()
                .number("Entry", OpportunityEntry::entryNo)
                .number("Stage", OpportunityEntry::stage)
                .column("Description", OpportunityEntry::stageDescription)
                .column("Action", OpportunityEntry::actionTaken)
                .column("Date", OpportunityEntry::dateOfChange)
                .column("Active", OpportunityEntry::active)
                .number("Days Open", OpportunityEntry::daysOpen)
                .amount("EV", OpportunityEntry::estimatedValue)
                .amount("CCV", OpportunityEntry::calculatedCurrentValue)
                .percent("Chances %", OpportunityEntry::chancesOfSuccessPercent)
                .percent("Prob. %", OpportunityEntry::probabilityPercent)
                .column("ECD", OpportunityEntry::estimatedCloseDate)
                .column("Close Code", OpportunityEntry::closeCode)
                .column("By", OpportunityEntry::changedBy),
                require(opportunities, "opportunities").entries(no, pageRequest()));
    }
}
