package org.opportune.rest.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AccessMode;

import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonValues;

/** A salesperson as the API answers it and as a body sends it (DOMAIN §1). */
@Schema(name = "Salesperson")
public record SalespersonDto(String code, String name, String email, String phone, String jobTitle,
        BigDecimal commissionPercent, boolean blocked,
        @Schema(description = "The login (JAAS user name) that acts as this salesperson; unique, may be null")
        String userName,
        @Schema(description = ServerOwned.VERSION, accessMode = AccessMode.READ_ONLY) Long version,
        @Schema(description = ServerOwned.CHANGED_BY, accessMode = AccessMode.READ_ONLY) String changedBy,
        @Schema(description = ServerOwned.CHANGED_AT, accessMode = AccessMode.READ_ONLY) Instant changedAt)
        implements CodedJson<SalespersonDto> {

    public static SalespersonDto of(Salesperson salesperson) {
        return new SalespersonDto(salesperson.code(), salesperson.name(), salesperson.email(), salesperson.phone(),
                salesperson.jobTitle(), salesperson.commissionPercent(), salesperson.blocked(),
                salesperson.userName(), salesperson.version(), salesperson.changedBy(), salesperson.changedAt());
    }

    public SalespersonValues toValues() {
        return SalespersonValues.builder().name(name).email(email).phone(phone).jobTitle(jobTitle)
                .commissionPercent(commissionPercent).blocked(blocked).userName(userName).build();
    }
}
