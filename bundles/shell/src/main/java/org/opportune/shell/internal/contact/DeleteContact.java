package org.opportune.shell.internal.contact;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactService;
import org.opportune.shell.internal.OpportuneCommand;

@Service
@Command(scope = "contact", name = "delete",
        description = "Deletes a contact; refused for a company with persons or a contact still in use")
public class DeleteContact extends OpportuneCommand {

    @Reference(optional = true)
    private ContactService contacts;

    @Argument(index = 0, name = "no", description = "The contact's no.", required = true)
    @Completion(ContactNoCompleter.class)
    String no;

    @Override
    protected void run() {
        ContactService service = require(contacts, "contacts");
        Contact current = service.get(no);
        service.delete(current.no(), current.version());
        System.out.println("Deleted contact " + current.no());
    }
}
