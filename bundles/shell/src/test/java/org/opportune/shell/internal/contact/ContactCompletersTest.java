package org.opportune.shell.internal.contact;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.support.parsing.CommandLineImpl;
import org.junit.Test;
import org.opportune.api.PageRequest;
import org.opportune.api.contact.ContactQuery;
import org.opportune.api.contact.ContactType;
import org.opportune.shell.internal.References;

public class ContactCompletersTest {

    private final FakeContactService service = Contacts.all();

    /** Completes the last word of {@code contact:show <typed>} with the cursor at its end. */
    private static List<String> candidates(Completer completer, String typed) {
        String buffer = "contact:show " + typed;
        List<String> candidates = new ArrayList<>();
        completer.complete(null, new CommandLineImpl(new String[] {"contact:show", typed}, 1, typed.length(),
                buffer.length(), buffer), candidates);
        return candidates;
    }

    @Test
    public void contactNumbersOfAnyType() {
        ContactNoCompleter completer = References.inject(new ContactNoCompleter(), service);

        assertEquals(List.of("CT000001 ", "CT000002 ", "CT000003 "), candidates(completer, ""));
        assertEquals(new ContactQuery(null, null, null, null), service.lastQuery);
        assertEquals(PageRequest.of(0, PageRequest.MAX_LIMIT, "no"), service.lastPage);
    }

    @Test
    public void contactNumbersStartingWithWhatIsTyped() {
        ContactNoCompleter completer = References.inject(new ContactNoCompleter(), service);

        assertEquals(List.of("CT000003 "), candidates(completer, "ct000003"));
        assertEquals(List.of(), candidates(completer, "XY"));
    }

    @Test
    public void companyNumbersOnlyOfCompanies() {
        CompanyNoCompleter completer = References.inject(new CompanyNoCompleter(), service);

        assertEquals(List.of("CT000001 "), candidates(completer, "CT"));
        assertEquals(new ContactQuery("CT", ContactType.COMPANY, null, null), service.lastQuery);
    }

    @Test
    public void nothingWhileTheContactsModuleIsNotRunning() {
        assertEquals(List.of(), candidates(new ContactNoCompleter(), "CT"));
    }

    @Test
    public void contactTypesInAnyCase() {
        ContactTypeCompleter completer = new ContactTypeCompleter();

        assertEquals(List.of("COMPANY ", "PERSON "), candidates(completer, ""));
        assertEquals(List.of("PERSON "), candidates(completer, "pe"));
    }
}
