package org.opportune.api.contact;

public enum ContactType {
    COMPANY, PERSON
}
