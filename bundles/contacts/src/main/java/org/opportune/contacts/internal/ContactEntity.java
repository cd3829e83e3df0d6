package org.opportune.contacts.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.opportune.api.contact.Address;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactType;
import org.opportune.api.contact.ContactValues;
import org.opportune.persistence.AuditedEntity;

@Entity
@Table(name = "CONTACT", indexes = {
        @Index(name = "CONTACT_COMPANY", columnList = "COMPANY_NO"),
        @Index(name = "CONTACT_SALESPERSON", columnList = "SALESPERSON_CODE"),
        @Index(name = "CONTACT_NAME", columnList = "NAME") })
public class ContactEntity extends AuditedEntity {
    @Id
    @Column(name = "CONTACT_NO", length = Contact.NO_LENGTH)
    private String no;

    @Enumerated(EnumType.STRING)
    @Column(name = "CONTACT_TYPE", length = 10, nullable = false)
    private ContactType type;

    @Column(name = "NAME", length = Contact.NAME_LENGTH, nullable = false)
    private String name;

    @Column(name = "COMPANY_NO", length = Contact.NO_LENGTH)
    private String companyNo;

    @Column(name = "SALESPERSON_CODE", length = 20)
    private String salespersonCode;

    @Column(name = "EMAIL", length = Contact.EMAIL_LENGTH)
    private String email;

    @Column(name = "PHONE", length = Contact.PHONE_LENGTH)
    private String phone;

    @Column(name = "MOBILE_PHONE", length = Contact.PHONE_LENGTH)
    private String mobilePhone;

    @Column(name = "JOB_TITLE", length = Contact.JOB_TITLE_LENGTH)
    private String jobTitle;

    @Column(name = "ADDRESS_LINE1", length = Address.LINE_LENGTH)
    private String line1;

    @Column(name = "ADDRESS_LINE2", length = Address.LINE_LENGTH)
    private String line2;

    @Column(name = "CITY", length = Address.CITY_LENGTH)
    private String city;

    @Column(name = "POST_CODE", length = Address.POST_CODE_LENGTH)
    private String postCode;

    @Column(name = "COUNTY", length = Address.COUNTY_LENGTH)
    private String county;

    @Column(name = "COUNTRY_CODE", length = Address.COUNTRY_CODE_LENGTH)
    private String countryCode;

    protected ContactEntity() {
    }

    ContactEntity(String no) {
        this.no = no;
    }

    /** Copies the editable fields; {@code companyNo} and {@code salespersonCode} come normalised. */
    void apply(ContactValues values, String normalisedCompanyNo, String normalisedSalespersonCode) {
        type = values.type();
        name = values.name().trim();
        companyNo = normalisedCompanyNo;
        salespersonCode = normalisedSalespersonCode;
        email = values.email();
        phone = values.phone();
        mobilePhone = values.mobilePhone();
        jobTitle = values.jobTitle();
        Address address = values.address() == null ? Address.EMPTY : values.address();
        line1 = address.line1();
        line2 = address.line2();
        city = address.city();
        postCode = address.postCode();
        county = address.county();
        countryCode = address.countryCode();
    }

    ContactView toView(String companyName) {
        Address address = Address.builder().line1(line1).line2(line2).city(city).postCode(postCode).county(county)
                .countryCode(countryCode).build();
        return new ContactView(no, type, name, companyNo, companyName, salespersonCode, email, phone, mobilePhone,
                jobTitle, address, version(), changedBy(), changedAt());
    }

    String no() {
        return no;
    }

    ContactType type() {
        return type;
    }

    String name() {
        return name;
    }

    String companyNo() {
        return companyNo;
    }

    String salespersonCode() {
        return salespersonCode;
    }
}
