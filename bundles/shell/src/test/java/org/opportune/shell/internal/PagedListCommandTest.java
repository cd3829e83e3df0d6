package org.opportune.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.Arrays;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.SortKey;

public class PagedListCommandTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    /** Lists the letters A to E a page at a time and remembers the page request it was given. */
    private static final class Letters extends PagedListCommand {
        private static final List<String> ALL = List.of("A", "B", "C", "D", "E");
        PageRequest asked;

        @Override
        protected void run() {
            asked = pageRequest();
            List<String> slice = ALL.stream().skip(asked.offset()).limit(asked.limit()).toList();
            print(new RecordTable<String>().column("Letter", letter -> letter)
                    .number("Position", letter -> ALL.indexOf(letter) + 1),
                    new Page<>(slice, ALL.size(), asked.offset(), asked.limit()));
        }
    }

    @Test
    public void defaultsToTheFirstPageOfTheDefaultSize() throws Exception {
        Letters letters = new Letters();
        letters.execute();

        assertEquals(new PageRequest(0, PageRequest.DEFAULT_LIMIT, List.of()), letters.asked);
        assertEquals(List.of(List.of("Letter", "Position"), List.of("A", "1"), List.of("B", "2"), List.of("C", "3"),
                List.of("D", "4"), List.of("E", "5")), console.tableRows());
        String[] lines = console.outLines();
        assertEquals("5 of 5", lines[lines.length - 1]);
    }

    @Test
    public void passesOffsetLimitAndSortAndCountsTheSliceUnderTheTable() throws Exception {
        Letters letters = new Letters();
        letters.offset = 1;
        letters.limit = 2;
        letters.sort = "name,-code";
        letters.execute();

        assertEquals(new PageRequest(1, 2, List.of(new SortKey("name", false), new SortKey("code", true))),
                letters.asked);
        assertEquals(List.of(List.of("Letter", "Position"), List.of("B", "2"), List.of("C", "3")),
                console.tableRows());
        String[] lines = console.outLines();
        assertEquals("2 of 5", lines[lines.length - 1]);
    }

    @Test
    public void noFormatPrintsTabSeparatedRowsOnly() throws Exception {
        Letters letters = new Letters();
        letters.limit = 2;
        letters.noFormat = true;
        letters.execute();

        // Karaf pads the cells to the column width even without format
        assertEquals(List.of(List.of("A", "1"), List.of("B", "2")), Arrays.stream(console.outLines())
                .map(line -> Arrays.stream(line.split("\t")).map(String::trim).toList()).toList());
    }

    @Test
    public void aLimitOutOfRangeIsReportedAsAFieldError() throws Exception {
        Letters letters = new Letters();
        letters.offset = -1;
        letters.limit = 501;

        assertEquals("offset must be 0 or more; limit must be between 1 and 500", refusalOf(letters));
        assertNull(letters.asked);
        assertEquals("", console.out());
    }
}
