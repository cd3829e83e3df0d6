package org.opportune.shell.internal.salesperson;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.support.parsing.CommandLineImpl;
import org.junit.Test;
import org.opportune.api.PageRequest;
import org.opportune.api.salesperson.SalespersonQuery;
import org.opportune.shell.internal.References;

public class SalespersonCodeCompleterTest {

    private final FakeSalespersonService service = Salespeople.all();
    private final SalespersonCodeCompleter completer = References.inject(new SalespersonCodeCompleter(), service);

    /** Completes the last word of {@code salesperson:show <typed>} with the cursor at its end. */
    private List<String> candidates(String typed) {
        String buffer = "salesperson:show " + typed;
        List<String> candidates = new ArrayList<>();
        completer.complete(null, new CommandLineImpl(new String[] {"salesperson:show", typed}, 1, typed.length(),
                buffer.length(), buffer), candidates);
        return candidates;
    }

    @Test
    public void offersEveryCodeWhenNothingIsTyped() {
        assertEquals(List.of("AH ", "JO ", "PS "), candidates(""));
        assertEquals(new SalespersonQuery(null, null), service.lastQuery);
        assertEquals(PageRequest.of(0, PageRequest.MAX_LIMIT, "code"), service.lastPage);
    }

    @Test
    public void offersTheCodesStartingWithWhatIsTypedInAnyCase() {
        assertEquals(List.of("JO "), candidates("j"));
        assertEquals(new SalespersonQuery("j", null), service.lastQuery);
    }

    @Test
    public void offersNothingWhileTheSalespeopleModuleIsNotRunning() {
        List<String> candidates = new ArrayList<>();
        int position = new SalespersonCodeCompleter().complete(null,
                new CommandLineImpl(new String[] {"salesperson:show", ""}, 1, 0, 17, "salesperson:show "), candidates);

        assertEquals(List.of(), candidates);
        assertEquals(-1, position);
    }
}
