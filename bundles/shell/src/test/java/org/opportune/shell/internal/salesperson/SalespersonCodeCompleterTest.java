package org.opportune.shell.internal.salesperson;

import static org.junit.Assert.assertEquals;

import java.security.PrivilegedAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.support.parsing.CommandLineImpl;
import org.apache.karaf.util.jaas.JaasHelper;
import org.junit.Test;
import org.opportune.api.PageRequest;
import org.opportune.api.caller.Caller;
import org.opportune.api.salesperson.SalespersonQuery;
import org.opportune.shell.internal.Completions;
import org.opportune.shell.internal.Logins;
import org.opportune.shell.internal.References;

public class SalespersonCodeCompleterTest {

    private final FakeSalespersonService service = Salespeople.all();
    private final SalespersonCodeCompleter completer = References.inject(new SalespersonCodeCompleter(), service);

    private List<String> candidates(String typed) {
        return Completions.candidates(completer, "salesperson:show", typed);
    }

    @Test
    public void offersEveryCodeWhenNothingIsTyped() {
        assertEquals(List.of("AH ", "JO ", "PS "), candidates(""));
        assertEquals(SalespersonQuery.all(), service.lastQuery);
        assertEquals(PageRequest.of(0, PageRequest.MAX_LIMIT, "code"), service.lastPage);
    }

    @Test
    public void offersTheCodesStartingWithWhatIsTypedInAnyCase() {
        assertEquals(List.of("JO "), candidates("j"));
        assertEquals(SalespersonQuery.all().withText("j"), service.lastQuery);
    }

    @Test
    public void asksTheServiceAsTheLoginOfTheSession() {
        References.inject(completer, service.callers);
        List<String> offered = JaasHelper.doAs(Logins.subject("john", "sales"),
                (PrivilegedAction<List<String>>) () -> candidates("p"));

        assertEquals(List.of("PS "), offered);
        assertEquals(Caller.user("john", Set.of("sales")), service.lastListedFor);
        assertEquals(Caller.system(), service.callers.current());
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
