package org.opportune.rest.internal.dto;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AccessMode;

import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactType;
import org.opportune.api.contact.ContactValues;

/**
 * A contact as the API answers it and as a body sends it (DOMAIN §1). {@code companyName} is derived from
 * the company contact: the resource checks it, as it takes the service to know the company.
 */
@Schema(name = "Contact")
public record ContactDto(String no, ContactType type, String name, String companyNo,
        @Schema(description = "The company contact's name, derived; read-only", accessMode = AccessMode.READ_ONLY)
        String companyName,
        String salespersonCode, String email, String phone, String mobilePhone, String jobTitle, AddressDto address,
        @Schema(description = ServerOwned.VERSION, accessMode = AccessMode.READ_ONLY) Long version,
        @Schema(description = ServerOwned.CHANGED_BY, accessMode = AccessMode.READ_ONLY) String changedBy,
        @Schema(description = ServerOwned.CHANGED_AT, accessMode = AccessMode.READ_ONLY) Instant changedAt)
        implements RecordJson<ContactDto> {

    public static ContactDto of(Contact contact) {
        return new ContactDto(contact.no(), contact.type(), contact.name(), contact.companyNo(),
                contact.companyName(), contact.salespersonCode(), contact.email(), contact.phone(),
                contact.mobilePhone(), contact.jobTitle(), AddressDto.of(contact.address()), contact.version(),
                contact.changedBy(), contact.changedAt());
    }

    public ContactValues toValues() {
        return ContactValues.builder().type(type).name(name).companyNo(companyNo).salespersonCode(salespersonCode)
                .email(email).phone(phone).mobilePhone(mobilePhone).jobTitle(jobTitle)
                .address(address == null ? null : address.toAddress()).build();
    }

    @Override
    public void refuseChanged(ContactDto current, ServerOwned owned) {
        owned.key("no", no, current.no());
        RecordJson.super.refuseChanged(current, owned);
    }
}
