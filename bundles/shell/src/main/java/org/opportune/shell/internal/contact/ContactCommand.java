package org.opportune.shell.internal.contact;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.opportune.api.contact.ContactService;
import org.opportune.shell.internal.OpportuneCommand;

/** Base of the commands on one contact, named by its no. */
public abstract class ContactCommand extends OpportuneCommand {

    @Reference(optional = true)
    private ContactService contacts;

    @Argument(index = 0, name = "no", description = "The contact's no.", required = true)
    @Completion(ContactNoCompleter.class)
    String no;

    /** @throws org.opportune.api.UnavailableException the contacts module is not running */
    protected ContactService contacts() {
        return require(contacts, "contacts");
    }
}
