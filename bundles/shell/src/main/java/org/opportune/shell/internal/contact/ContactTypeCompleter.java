package org.opportune.shell.internal.contact;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.contact.ContactType;
import org.opportune.shell.internal.EnumCompleter;

/** Completes a contact type from the constants of {@link ContactType}. */
@Service
public class ContactTypeCompleter extends EnumCompleter<ContactType> {

    public ContactTypeCompleter() {
        super(ContactType.class);
    }
}
