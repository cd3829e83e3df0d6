package org.opportune.shell.internal.contact;

import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.Completions.candidates;

import java.util.List;

import org.junit.Test;
import org.opportune.api.PageRequest;
import org.opportune.api.contact.ContactQuery;
import org.opportune.api.contact.ContactType;
import org.opportune.shell.internal.References;

public class ContactCompletersTest {

    private final FakeContactService service = Contacts.all();

    @Test
    public void contactNumbersOfAnyType() {
        ContactNoCompleter completer = References.inject(new ContactNoCompleter(), service);

        assertEquals(List.of("CT000001 ", "CT000002 ", "CT000003 "), candidates(completer, "contact:show", ""));
        assertEquals(ContactQuery.all(), service.lastQuery);
        assertEquals(PageRequest.of(0, PageRequest.MAX_LIMIT, "no"), service.lastPage);
    }

    @Test
    public void contactNumbersStartingWithWhatIsTyped() {
        ContactNoCompleter completer = References.inject(new ContactNoCompleter(), service);

        assertEquals(List.of("CT000003 "), candidates(completer, "contact:show", "ct000003"));
        assertEquals(List.of(), candidates(completer, "contact:show", "XY"));
    }

    @Test
    public void companyNumbersOnlyOfCompanies() {
        CompanyNoCompleter completer = References.inject(new CompanyNoCompleter(), service);

        assertEquals(List.of("CT000001 "), candidates(completer, "contact:show", "CT"));
        assertEquals(ContactQuery.all().withText("CT").withType(ContactType.COMPANY), service.lastQuery);
    }

    @Test
    public void nothingWhileTheContactsModuleIsNotRunning() {
        assertEquals(List.of(), candidates(new ContactNoCompleter(), "contact:show", "CT"));
    }

    @Test
    public void contactTypesInAnyCase() {
        ContactTypeCompleter completer = new ContactTypeCompleter();

        assertEquals(List.of("COMPANY ", "PERSON "), candidates(completer, "contact:show", ""));
        assertEquals(List.of("PERSON "), candidates(completer, "contact:show", "pe"));
    }
}
