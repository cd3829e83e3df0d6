package org.opportune.shell.internal;

import org.apache.karaf.shell.api.action.Option;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;

/** Base of the list commands: the paging and sort options of the REST lists, and the table's footer. */
public abstract class PagedListCommand extends OpportuneCommand {

    @Option(name = "--offset", description = "How many records to skip (default 0)")
    int offset;

    @Option(name = "--limit", description = "The most records to show, 1 to " + PageRequest.MAX_LIMIT
            + " (default " + PageRequest.DEFAULT_LIMIT + ")")
    int limit = PageRequest.DEFAULT_LIMIT;

    @Option(name = "--sort", description = "Sort fields separated by commas, a leading - sorts descending, e.g. name,-code")
    String sort;

    @Option(name = "--no-format", description = "Print the rows tab-separated, without header and count")
    boolean noFormat;

    /** @throws org.opportune.api.ValidationException the offset or limit is out of range */
    protected PageRequest pageRequest() {
        return PageRequest.of(offset, limit, sort);
    }

    /** Prints the page as a table and, under it, how many of all matching records it shows. */
    protected <T> void print(RecordTable<T> table, Page<T> page) {
        table.print(page.items(), System.out, !noFormat);
        if (!noFormat) {
            System.out.println(page.items().size() + " of " + page.total());
        }
    }
}
