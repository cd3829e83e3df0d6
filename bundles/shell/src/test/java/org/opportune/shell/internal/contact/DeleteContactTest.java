package org.opportune.shell.internal.contact;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.contact.FakeContactService.Deletion;

public class DeleteContactTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeContactService service = Contacts.all();
    private final DeleteContact command = References.inject(new DeleteContact(), service);

    @Test
    public void deletesTheContactAtTheVersionRead() throws Exception {
        command.no = "ct000002";
        command.execute();

        assertEquals(List.of(new Deletion("CT000002", 2L)), service.deletions);
        assertFalse(service.find("CT000002").isPresent());
        assertArrayEquals(new String[] {"Deleted contact CT000002"}, console.outLines());
    }

    @Test
    public void aRefusedDeleteIsReportedInOneLine() throws Exception {
        command.no = "CT000001";

        assertEquals("company CT000001 cannot be deleted: persons still belong to it", refusalOf(command));
        assertTrue(service.find("CT000001").isPresent());
        assertEquals("", console.out());
    }
}
