package org.opportune.rest.internal.dto;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.contact.Address;

/** A contact's postal address; every part is optional. */
@Schema(name = "Address")
public record AddressDto(String line1, String line2, String city, String postCode, String county,
        String countryCode) {

    public static AddressDto of(Address address) {
        return address == null ? null : new AddressDto(address.line1(), address.line2(), address.city(),
                address.postCode(), address.county(), address.countryCode());
    }

    public Address toAddress() {
        return Address.builder().line1(line1).line2(line2).city(city).postCode(postCode).county(county)
                .countryCode(countryCode).build();
    }
}
