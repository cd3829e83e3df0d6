package org.opportune.shell.internal.contact;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactQuery;
import org.opportune.api.contact.ContactService;
import org.opportune.api.contact.ContactType;
import org.opportune.shell.internal.KeyCompleter;

/** Completes contact numbers. */
@Service
public class ContactNoCompleter extends KeyCompleter {

    @Reference(optional = true)
    private ContactService contacts;

    /** The only type of contact to offer, or null for any. */
    protected ContactType type() {
        return null;
    }

    @Override
    protected List<String> keys(String typed) {
        ContactQuery query = ContactQuery.all().withText(textFilter(typed)).withType(type());
        return available(contacts).list(query, firstPageBy("no")).items().stream().map(Contact::no).toList();
    }
}
