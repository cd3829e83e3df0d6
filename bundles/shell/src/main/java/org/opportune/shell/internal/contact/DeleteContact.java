package org.opportune.shell.internal.contact;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactService;

@Service
@Command(scope = "contact", name = "delete",
        description = "Deletes a contact; refused for a company with persons or a contact still in use")
public class DeleteContact extends ContactCommand {

    @Override
    protected void run() {
        ContactService service = contacts();
        Contact current = service.get(no);
        service.delete(current.no(), current.version());
        System.out.println("Deleted contact " + current.no());
    }
}
