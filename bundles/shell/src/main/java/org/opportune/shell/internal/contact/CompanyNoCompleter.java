package org.opportune.shell.internal.contact;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.contact.ContactType;

/** Completes the numbers of company contacts, the only ones a company no. may name. */
@Service
public class CompanyNoCompleter extends ContactNoCompleter {

    @Override
    protected ContactType type() {
        return ContactType.COMPANY;
    }
}
